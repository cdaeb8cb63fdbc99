import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { GUILD_CONFIG_LIMITS, type GuildConfig } from '../../../../../domain/guild-config.ts';
import { FieldProblem } from '../settings/FieldProblem.tsx';
import { TextField } from '../settings/Fields.tsx';
import { moved } from './list-order.ts';
import { OrderButtons } from './OrderButtons.tsx';
import { createSectionSave, SectionForm } from './SectionForm.tsx';

/** A label as typed: an empty colour or emoji is none. */
type LabelDraft = { name: string; color: string; emoji: string };

const draftOf = (config: GuildConfig): LabelDraft[] =>
  config.labels.map((label) => ({ name: label.name, color: label.color ?? '', emoji: label.emoji ?? '' }));

/** Empty optional fields are left out, as `/ticket-config label add` leaves out options not given. */
const labelOf = (draft: LabelDraft) => ({
  name: draft.name,
  ...(draft.color.trim() === '' ? {} : { color: draft.color.trim() }),
  ...(draft.emoji.trim() === '' ? {} : { emoji: draft.emoji.trim() }),
});

/**
 * The labels staff may put on tickets (`/ticket label`), in the order they are offered, as `/ticket-config
 * label-add` and `label remove` change them. A ticket keeps a removed label until staff take it off.
 */
export function LabelsSection(props: { guildId: string; config: GuildConfig }) {
  const state = createSectionSave(() => props.guildId, 'labels');
  const [labels, setLabels] = createStore<LabelDraft[]>(draftOf(props.config));
  const submit = () => state.save({ labels: labels.map(labelOf) }, (saved) => setLabels(draftOf(saved)));
  const move = (from: number, to: number) => setLabels((list) => moved(list, from, to));

  return (
    <SectionForm
      id="labels"
      title="Labels"
      intro={`Up to ${GUILD_CONFIG_LIMITS.labels} labels; names are unique ignoring case and hold no commas or double quotes.`}
      state={state}
      onSubmit={submit}
    >
      <FieldProblem problems={state.problems()} path="labels" />
      <Show when={labels.length > 0} fallback={<p class="empty-state">No labels yet.</p>}>
        <For each={labels}>
          {(label, index) => (
            <fieldset>
              <legend>{`Label ${index() + 1}`}</legend>
              <TextField
                path={`labels.${index()}.name`}
                label="Name"
                value={label.name}
                maxLength={GUILD_CONFIG_LIMITS.labelNameLength}
                problems={state.problems()}
                onInput={(value) => setLabels(index(), 'name', value)}
              />
              <TextField
                path={`labels.${index()}.color`}
                label="Colour (optional)"
                hint="Like #ff8800, shown in the panel."
                value={label.color}
                maxLength={7}
                problems={state.problems()}
                onInput={(value) => setLabels(index(), 'color', value)}
              />
              <TextField
                path={`labels.${index()}.emoji`}
                label="Emoji (optional)"
                value={label.emoji}
                maxLength={GUILD_CONFIG_LIMITS.labelEmojiLength}
                problems={state.problems()}
                onInput={(value) => setLabels(index(), 'emoji', value)}
              />
              <div class="action-row">
                <OrderButtons
                  index={index()}
                  removeLabel="Remove label"
                  onMoveUp={() => move(index(), index() - 1)}
                  onRemove={() => setLabels((list) => list.filter((_, at) => at !== index()))}
                />
              </div>
            </fieldset>
          )}
        </For>
      </Show>
      <button
        type="button"
        class="button"
        disabled={labels.length >= GUILD_CONFIG_LIMITS.labels}
        onClick={() => setLabels((list) => [...list, { name: '', color: '', emoji: '' }])}
      >
        Add a label
      </button>
    </SectionForm>
  );
}
