import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { GUILD_CONFIG_LIMITS, type GuildConfig } from '../../../../../domain/guild-config.ts';
import type { SettingsCategory } from '../../lib/settings-api.ts';
import { FieldProblem } from '../settings/FieldProblem.tsx';
import { fieldId, invalidAttributes } from '../settings/form-problems.ts';
import { moved } from './list-order.ts';
import { OrderButtons } from './OrderButtons.tsx';
import { createSectionSave, SectionForm } from './SectionForm.tsx';

/**
 * The categories channel-mode tickets open in, in order, as `/ticket-config categories` sets them: the first with
 * room (Discord allows 50 channels in a category) takes the next ticket. The last one stays while a type opens
 * tickets as channels.
 */
export function CategoriesSection(props: { guildId: string; config: GuildConfig; categories: SettingsCategory[] }) {
  const state = createSectionSave(() => props.guildId, 'categories');
  const [ids, setIds] = createStore<string[]>([...props.config.ticketCategoryIds]);
  const submit = () => state.save({ ticketCategoryIds: [...ids] }, (saved) => setIds([...saved.ticketCategoryIds]));
  const nameOf = (id: string) =>
    props.categories.find((category) => category.id === id)?.name ?? 'A category that no longer exists';
  // By id, so that the guild's list read again (after any save on the page) keeps the choice.
  const unlisted = () => props.categories.map((category) => category.id).filter((id) => !ids.includes(id));
  const [picked, setPicked] = createSignal('');
  const toAdd = () => (unlisted().includes(picked()) ? picked() : (unlisted()[0] ?? ''));
  const move = (from: number, to: number) => setIds((list) => moved(list, from, to));

  return (
    <SectionForm
      id="categories"
      title="Ticket categories"
      intro="For ticket types that open tickets as channels (each type's “Tickets open as” in Settings). They fill in this order."
      state={state}
      onSubmit={submit}
    >
      <FieldProblem problems={state.problems()} path="ticketCategoryIds" />
      <Show when={ids.length > 0} fallback={<p class="empty-state">No ticket categories yet.</p>}>
        <ol class="category-order" aria-label="Ticket categories, in the order they fill">
          <For each={ids}>
            {(id, index) => (
              <li id={fieldId(`ticketCategoryIds.${index()}`)} tabindex="-1">
                <span>{nameOf(id)}</span>
                <OrderButtons
                  index={index()}
                  removeLabel={`Remove ${nameOf(id)}`}
                  onMoveUp={() => move(index(), index() - 1)}
                  onRemove={() => setIds((list) => list.filter((_, at) => at !== index()))}
                />
                <FieldProblem problems={state.problems()} path={`ticketCategoryIds.${index()}`} />
              </li>
            )}
          </For>
        </ol>
      </Show>
      <div class="field">
        <label for={fieldId('ticketCategoryIds')}>Add a category</label>
        <div class="action-row">
          <select
            id={fieldId('ticketCategoryIds')}
            value={toAdd()}
            onChange={(event) => setPicked(event.currentTarget.value)}
            {...invalidAttributes(state.problems(), 'ticketCategoryIds')}
          >
            <For each={unlisted()}>{(id) => <option value={id}>{nameOf(id)}</option>}</For>
          </select>
          <button
            type="button"
            class="button"
            disabled={unlisted().length === 0 || ids.length >= GUILD_CONFIG_LIMITS.ticketCategories}
            onClick={() => {
              const chosen = toAdd();
              if (chosen) setIds((list) => [...list, chosen]);
            }}
          >
            Add category
          </button>
        </div>
      </div>
    </SectionForm>
  );
}
