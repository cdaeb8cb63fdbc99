import { For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { GUILD_CONFIG_LIMITS, type GuildConfig } from '../../../../../domain/guild-config.ts';
import type { SettingsRole } from '../../lib/settings-api.ts';
import { FieldProblem } from '../settings/FieldProblem.tsx';
import { fieldId, invalidAttributes, type Problems } from '../settings/form-problems.ts';
import { createSectionSave, SectionForm } from './SectionForm.tsx';

/** A target as typed: minutes of support time, or empty for none. */
type TypeTargets = { key: string; name: string; firstResponse: string; resolution: string; escalationRoleId: string };

function draftOf(config: GuildConfig): { escalationRoleId: string; types: TypeTargets[] } {
  return {
    escalationRoleId: config.escalationRoleId ?? '',
    types: config.ticketTypes.map((type) => ({
      key: type.key,
      name: type.name,
      firstResponse: type.firstResponseMinutes === null ? '' : String(type.firstResponseMinutes),
      resolution: type.resolutionMinutes === null ? '' : String(type.resolutionMinutes),
      escalationRoleId: type.escalationRoleId ?? '',
    })),
  };
}

/** Empty is no target; anything else is sent as typed, for the schema to judge (a fraction, below 1 minute…). */
const minutesOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/**
 * Each type's SLA targets, as `/ticket-config sla` sets them: first response and resolution in minutes of support
 * time, and the role pinged when one is missed (the type's own, else the server's).
 */
export function SlaSection(props: { guildId: string; config: GuildConfig; roles: SettingsRole[] }) {
  const state = createSectionSave(() => props.guildId, 'sla');
  const [draft, setDraft] = createStore(draftOf(props.config));
  const submit = () =>
    state.save(
      {
        escalationRoleId: draft.escalationRoleId || null,
        ticketTypes: draft.types.map((type) => ({
          key: type.key,
          firstResponseMinutes: minutesOf(type.firstResponse),
          resolutionMinutes: minutesOf(type.resolution),
          escalationRoleId: type.escalationRoleId || null,
        })),
      },
      (saved) => setDraft(draftOf(saved)),
    );

  return (
    <SectionForm
      id="sla"
      title="SLA targets"
      intro="Minutes of support time per ticket type; empty for no target. A missed target pings the escalation role in the ticket once. Tickets opened from now on (and tickets moved to a type) take the type's targets."
      state={state}
      onSubmit={submit}
    >
      <RoleSelect
        path="escalationRoleId"
        label="Server's escalation role (for types without their own)"
        none="Nobody"
        roles={props.roles}
        value={draft.escalationRoleId}
        problems={state.problems()}
        onChange={(id) => setDraft('escalationRoleId', id)}
      />
      <For each={draft.types}>
        {(type, index) => (
          <fieldset>
            <legend>{type.name}</legend>
            <MinutesField
              path={`ticketTypes.${index()}.firstResponseMinutes`}
              label="First response within (minutes)"
              value={type.firstResponse}
              problems={state.problems()}
              onInput={(value) => setDraft('types', index(), 'firstResponse', value)}
            />
            <MinutesField
              path={`ticketTypes.${index()}.resolutionMinutes`}
              label="Resolution within (minutes)"
              value={type.resolution}
              problems={state.problems()}
              onInput={(value) => setDraft('types', index(), 'resolution', value)}
            />
            <RoleSelect
              path={`ticketTypes.${index()}.escalationRoleId`}
              label="Escalation role"
              none="The server's escalation role"
              roles={props.roles}
              value={type.escalationRoleId}
              problems={state.problems()}
              onChange={(id) => setDraft('types', index(), 'escalationRoleId', id)}
            />
          </fieldset>
        )}
      </For>
    </SectionForm>
  );
}

function MinutesField(props: {
  path: string;
  label: string;
  value: string;
  problems: Problems;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field field-number">
      <label for={fieldId(props.path)}>{props.label}</label>
      <input
        id={fieldId(props.path)}
        type="number"
        inputmode="numeric"
        min={GUILD_CONFIG_LIMITS.slaTargetMinutes.min}
        max={GUILD_CONFIG_LIMITS.slaTargetMinutes.max}
        step={1}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        {...invalidAttributes(props.problems, props.path)}
      />
      <FieldProblem problems={props.problems} path={props.path} />
    </div>
  );
}

function RoleSelect(props: {
  path: string;
  label: string;
  none: string;
  roles: SettingsRole[];
  value: string;
  problems: Problems;
  onChange: (roleId: string) => void;
}) {
  const known = () => props.value === '' || props.roles.some((role) => role.id === props.value);
  return (
    <div class="field">
      <label for={fieldId(props.path)}>{props.label}</label>
      <select
        id={fieldId(props.path)}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        {...invalidAttributes(props.problems, props.path)}
      >
        <option value="">{props.none}</option>
        {!known() && <option value={props.value}>A role that no longer exists</option>}
        <For each={props.roles}>{(role) => <option value={role.id}>@{role.name}</option>}</For>
      </select>
      <FieldProblem problems={props.problems} path={props.path} />
    </div>
  );
}
