import { createSignal } from 'solid-js';
import { GUILD_CONFIG_LIMITS, type GuildConfig } from '../../../../../domain/guild-config.ts';
import { NumberField } from '../settings/Fields.tsx';
import { fieldId } from '../settings/form-problems.ts';
import { createSectionSave, SectionForm } from './SectionForm.tsx';

/** What follows a close: how long the ticket may be reopened, and whether its creator gets a direct message. */
export function ClosingSection(props: { guildId: string; config: GuildConfig }) {
  const state = createSectionSave(() => props.guildId, 'closing');
  const [days, setDays] = createSignal(props.config.reopenWindowDays);
  const [directMessage, setDirectMessage] = createSignal(props.config.closingDmEnabled);
  const submit = () =>
    state.save({ reopenWindowDays: days(), closingDmEnabled: directMessage() }, (saved) => {
      setDays(saved.reopenWindowDays);
      setDirectMessage(saved.closingDmEnabled);
    });
  return (
    <SectionForm
      id="closing"
      title="After a close"
      intro="Open tickets follow these at once."
      state={state}
      onSubmit={submit}
    >
      <NumberField
        path="reopenWindowDays"
        label="Days a closed ticket can be reopened by its member or staff (0: never)"
        hint={days() === 0 ? 'Reopening is off: a close is final.' : undefined}
        value={days()}
        min={GUILD_CONFIG_LIMITS.reopenWindowDays.min}
        max={GUILD_CONFIG_LIMITS.reopenWindowDays.max}
        problems={state.problems()}
        onInput={setDays}
      />
      <div class="field field-check">
        <input
          id={fieldId('closingDmEnabled')}
          type="checkbox"
          checked={directMessage()}
          onChange={(event) => setDirectMessage(event.currentTarget.checked)}
        />
        <label for={fieldId('closingDmEnabled')}>
          Send the member a direct message with the closing reason and a link to the transcript
        </label>
      </div>
    </SectionForm>
  );
}
