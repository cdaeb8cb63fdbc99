import { Title } from '@solidjs/meta';
import { createAsync, revalidate, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import {
  GUILD_CONFIG_LIMITS,
  type GuildConfig,
  guildConfigSchema,
  type TicketType,
  ticketTypeSchema,
} from '../../../../../../domain/guild-config.ts';
import { LANGUAGE_NAMES } from '../../../../../../i18n/language-names.ts';
import { SUPPORTED_LOCALES, type SupportedLocale } from '../../../../../../i18n/locales.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import '../../../components/settings/settings.css';
import { ChannelSelect } from '../../../components/settings/ChannelSelect.tsx';
import { FieldProblem } from '../../../components/settings/FieldProblem.tsx';
import { NumberField } from '../../../components/settings/Fields.tsx';
import {
  fieldId,
  invalidAttributes,
  type Problems,
  problemsFrom,
  problemsOfZod,
} from '../../../components/settings/form-problems.ts';
import { ProblemSummary } from '../../../components/settings/ProblemSummary.tsx';
import { NEW_QUESTION, TicketTypeEditor } from '../../../components/settings/TicketTypeEditor.tsx';
import {
  type GuildSettings,
  getGuildSettings,
  type SaveFollowUps,
  saveGuildSettings,
} from '../../../lib/settings-api.ts';

/** What a guild starts with before tickets are set up: the bot's defaults and one type, as `/ticket-config` sets. */
function firstConfig(): GuildConfig {
  const defaults = guildConfigSchema.omit({ ticketChannelId: true }).parse({
    ticketTypes: [{ key: 'support', name: 'Support', questions: [{ ...NEW_QUESTION, label: 'How can we help?' }] }],
  });
  return { ...defaults, ticketChannelId: '' };
}

/** A type just added: the schema's defaults, a key and name still to write. */
function newTicketType(): TicketType {
  return { key: '', name: '', ...ticketTypeSchema.omit({ key: true, name: true }).parse({}) };
}

function duration(minutes: number): string {
  if (!Number.isFinite(minutes)) return '';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(' ') || '0 min';
}

function followUpWords(followUps: SaveFollowUps): string {
  const words = ['Saved.'];
  if (followUps.openTickets === 'failed')
    words.push('Open tickets could not be told right away; they pick the change up on their next retry.');
  return words.join(' ');
}

function SettingsForm(props: { guildId: string; settings: GuildSettings }) {
  const initial = () => props.settings.config ?? firstConfig();
  const [draft, setDraft] = createStore<GuildConfig>(structuredClone(initial()));
  // The version the draft started from: saving over a newer one (another admin, a section, the bot) is refused.
  const [version, setVersion] = createSignal(props.settings.version);
  const [problems, setProblems] = createSignal<Problems>({});
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<unknown>(null);
  let summary: HTMLDivElement | undefined;

  const refuse = (found: Problems) => {
    setProblems(found);
    queueMicrotask(() => summary?.focus());
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const candidate = structuredClone(unwrap(draft));
    const checked = guildConfigSchema.safeParse(candidate);
    if (!checked.success) return refuse(problemsOfZod(checked.error));
    setSaving(true);
    try {
      const outcome = await saveGuildSettings(props.guildId, checked.data, version());
      if ('problems' in outcome) return refuse(problemsFrom(outcome.problems));
      setProblems({});
      setDraft(reconcile(outcome.saved));
      setVersion(outcome.version);
      setSaved(followUpWords(outcome.followUps));
      await revalidate(getGuildSettings.key);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const channels = () => props.settings.channels;
  const roles = () => props.settings.roles;
  const toggleStaffRole = (roleId: string, on: boolean) =>
    setDraft('staffRoleIds', (ids) => (on ? [...ids, roleId] : ids.filter((id) => id !== roleId)));

  return (
    <form class="settings-form" onSubmit={submit} noValidate aria-describedby="settings-intro">
      <ProblemSummary problems={problems()} ref={(element) => (summary = element)} />

      <fieldset>
        <legend>Channels</legend>
        <ChannelSelect
          path="ticketChannelId"
          label="Ticket channel"
          hint="Each ticket is a private thread of this channel."
          channels={channels()}
          value={draft.ticketChannelId === '' ? null : draft.ticketChannelId}
          problems={problems()}
          onChange={(id) => setDraft('ticketChannelId', id ?? '')}
        />
        <ChannelSelect
          path="historiesChannelId"
          label="Histories channel"
          hint="A summary of each closed ticket, with a link to its transcript."
          channels={channels()}
          value={draft.historiesChannelId}
          none="None"
          problems={problems()}
          onChange={(id) => setDraft('historiesChannelId', id)}
        />
        <ChannelSelect
          path="remindersChannelId"
          label="Reminders channel"
          hint="Reminders about tickets still open."
          channels={channels()}
          value={draft.remindersChannelId}
          none="None"
          problems={problems()}
          onChange={(id) => setDraft('remindersChannelId', id)}
        />
      </fieldset>

      <fieldset>
        <legend>Language</legend>
        <div class="field">
          <label for={fieldId('language')}>Language of ticket threads and summaries</label>
          <p class="field-hint">
            Private answers follow each member's Discord language when the bot speaks it, this one otherwise.
          </p>
          <select
            id={fieldId('language')}
            value={draft.language}
            onChange={(event) => setDraft('language', event.currentTarget.value as SupportedLocale)}
            {...invalidAttributes(problems(), 'language')}
          >
            <For each={SUPPORTED_LOCALES}>{(locale) => <option value={locale}>{LANGUAGE_NAMES[locale]}</option>}</For>
          </select>
          <FieldProblem problems={problems()} path="language" />
        </div>
      </fieldset>

      <fieldset id={fieldId('staffRoleIds')} tabindex="-1">
        <legend>Staff roles</legend>
        <p class="field-hint">Members with one of these roles see and handle every ticket.</p>
        <Show when={roles().length > 0} fallback={<p class="empty-state">This server has no roles to choose.</p>}>
          <ul class="check-list">
            <For each={roles()}>
              {(role) => (
                <li class="field-check">
                  <input
                    id={fieldId(`staff-${role.id}`)}
                    type="checkbox"
                    checked={draft.staffRoleIds.includes(role.id)}
                    onChange={(event) => toggleStaffRole(role.id, event.currentTarget.checked)}
                  />
                  <label for={fieldId(`staff-${role.id}`)}>@{role.name}</label>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <For each={draft.staffRoleIds.map((_, index) => `staffRoleIds.${index}`)}>
          {(path) => <FieldProblem problems={problems()} path={path} />}
        </For>
        <FieldProblem problems={problems()} path="staffRoleIds" />
      </fieldset>

      <fieldset>
        <legend>Notifications</legend>
        <div class="field">
          <label for={fieldId('notificationRoleId')}>Role pinged when a ticket opens</label>
          <select
            id={fieldId('notificationRoleId')}
            value={draft.notificationRoleId ?? ''}
            onChange={(event) => {
              const id = event.currentTarget.value === '' ? null : event.currentTarget.value;
              setDraft('notificationRoleId', id);
              if (id === null) setDraft('notificationsEnabled', false);
            }}
            {...invalidAttributes(problems(), 'notificationRoleId')}
          >
            <option value="">None</option>
            <For each={roles()}>{(role) => <option value={role.id}>@{role.name}</option>}</For>
          </select>
          <FieldProblem problems={problems()} path="notificationRoleId" />
        </div>
        <div class="field field-check">
          <input
            id={fieldId('notificationsEnabled')}
            type="checkbox"
            checked={draft.notificationsEnabled}
            disabled={draft.notificationRoleId === null}
            onChange={(event) => setDraft('notificationsEnabled', event.currentTarget.checked)}
          />
          <label for={fieldId('notificationsEnabled')}>Ping the role</label>
        </div>
      </fieldset>

      <fieldset>
        <legend>Timers</legend>
        <NumberField
          path="inactivityTimeoutMinutes"
          label="Minutes without a message before a ticket is warned"
          hint={duration(draft.inactivityTimeoutMinutes)}
          value={draft.inactivityTimeoutMinutes}
          min={GUILD_CONFIG_LIMITS.inactivityTimeoutMinutes.min}
          max={GUILD_CONFIG_LIMITS.inactivityTimeoutMinutes.max}
          problems={problems()}
          onInput={(value) => setDraft('inactivityTimeoutMinutes', value)}
        />
        <NumberField
          path="inactivityGraceMinutes"
          label="Minutes after the warning before it closes"
          hint={duration(draft.inactivityGraceMinutes)}
          value={draft.inactivityGraceMinutes}
          min={GUILD_CONFIG_LIMITS.inactivityGraceMinutes.min}
          max={GUILD_CONFIG_LIMITS.inactivityGraceMinutes.max}
          problems={problems()}
          onInput={(value) => setDraft('inactivityGraceMinutes', value)}
        />
        <NumberField
          path="reminderIntervalMinutes"
          label="Minutes between reminders about an open ticket"
          hint={duration(draft.reminderIntervalMinutes)}
          value={draft.reminderIntervalMinutes}
          min={GUILD_CONFIG_LIMITS.reminderIntervalMinutes.min}
          max={GUILD_CONFIG_LIMITS.reminderIntervalMinutes.max}
          problems={problems()}
          onInput={(value) => setDraft('reminderIntervalMinutes', value)}
        />
      </fieldset>

      <fieldset>
        <legend>Limits</legend>
        <NumberField
          path="openLimitPerMember"
          label="Open tickets one member may have, all types together"
          value={draft.openLimitPerMember}
          min={GUILD_CONFIG_LIMITS.openLimitPerMember.min}
          max={GUILD_CONFIG_LIMITS.openLimitPerMember.max}
          problems={problems()}
          onInput={(value) => setDraft('openLimitPerMember', value)}
        />
        <NumberField
          path="openCooldownSeconds"
          label="Seconds a member waits between two tickets"
          value={draft.openCooldownSeconds}
          min={GUILD_CONFIG_LIMITS.openCooldownSeconds.min}
          max={GUILD_CONFIG_LIMITS.openCooldownSeconds.max}
          problems={problems()}
          onInput={(value) => setDraft('openCooldownSeconds', value)}
        />
        <div class="field">
          <label for={fieldId('blockedUserIds')}>Blocked members</label>
          <p class="field-hint">User ids, one a line: these members cannot open tickets.</p>
          <textarea
            id={fieldId('blockedUserIds')}
            rows={3}
            value={draft.blockedUserIds.join('\n')}
            onChange={(event) =>
              setDraft(
                'blockedUserIds',
                event.currentTarget.value
                  .split(/\s+/)
                  .map((id) => id.trim())
                  .filter((id) => id !== ''),
              )
            }
          />
          <For each={draft.blockedUserIds.map((_, index) => `blockedUserIds.${index}`)}>
            {(path) => <FieldProblem problems={problems()} path={path} />}
          </For>
        </div>
      </fieldset>

      <section class="ticket-types" aria-labelledby="ticket-types-title">
        <h2 id="ticket-types-title">Ticket types</h2>
        <FieldProblem problems={problems()} path="ticketTypes" />
        <For each={draft.ticketTypes}>
          {(_, index) => <TicketTypeEditor index={index()} draft={draft} setDraft={setDraft} problems={problems()} />}
        </For>
        <button
          type="button"
          class="button"
          disabled={draft.ticketTypes.length >= GUILD_CONFIG_LIMITS.ticketTypes}
          onClick={() => setDraft('ticketTypes', (types) => [...types, newTicketType()])}
        >
          Add a ticket type
        </button>
      </section>

      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={saving()}>
          {saving() ? 'Saving…' : 'Save settings'}
        </button>
        <p role="status" class="save-status">
          {saved() ?? ''}
        </p>
      </div>
      <Show when={failure()}>{(error) => <ErrorNotice error={error()} />}</Show>
    </form>
  );
}

/** The guild's ticket settings, as `/ticket-config` changes them, for its admins. */
export default function GuildSettingsPage() {
  const params = useParams<{ guildId: string }>();
  const settings = createAsync(() => getGuildSettings(params.guildId), { deferStream: true });
  return (
    <section aria-labelledby="settings-title">
      <Title>Settings · Ticketflow</Title>
      <h1 id="settings-title">Ticket settings</h1>
      <p id="settings-intro">
        Everything <code>/ticket-config</code> changes in Discord. Saving checks every field, then applies them all at
        once; new tickets follow them, and open tickets pick up what applies to them.
      </p>
      <Show when={settings()}>
        {(current) => (
          <>
            <Show when={current().config === null}>
              <p class="notice">Tickets are not set up on this server yet: choose a ticket channel and save.</p>
            </Show>
            <SettingsForm guildId={params.guildId} settings={current()} />
          </>
        )}
      </Show>
    </section>
  );
}
