import { createSignal, For } from 'solid-js';
import { GUILD_CONFIG_LIMITS, type GuildConfig } from '../../../../../domain/guild-config.ts';
import { parseHolidayList } from '../../../../../domain/holiday-list-text.ts';
import { canonicalTimeZone } from '../../../../../domain/support-hours.ts';
import {
  formatSupportSchedule,
  parseSupportSchedule,
  type ScheduleProblem,
} from '../../../../../domain/support-schedule-text.ts';
import { FieldProblem } from '../settings/FieldProblem.tsx';
import { fieldId, invalidAttributes, type Problems } from '../settings/form-problems.ts';
import { createSectionSave, SectionForm } from './SectionForm.tsx';

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The guild's support hours, as `/ticket-config support-hours` takes them: a time zone, the weekly hours in the
 * command's shorthand (`mon-fri 09:00-17:00; sat 10:00-14:00`, or `24/7`) and holidays as dates. Read with the
 * command's own parsers; the SLA clocks count only these hours.
 */
export function SupportHoursSection(props: { guildId: string; config: GuildConfig }) {
  const state = createSectionSave(() => props.guildId, 'support-hours');
  const [timeZone, setTimeZone] = createSignal(props.config.supportHours.timeZone);
  const [schedule, setSchedule] = createSignal(formatSupportSchedule(props.config.supportHours.windows));
  const [holidays, setHolidays] = createSignal(props.config.supportHours.holidays.join(', '));

  const submit = () => {
    const problems: Problems = {};
    const parsed = parseSupportSchedule(schedule());
    if (!parsed.ok) problems['supportHours.windows'] = scheduleProblem(parsed.problem);
    const dates = parseHolidayList(holidays());
    if (!dates.ok) problems['supportHours.holidays'] = `“${dates.bad}” is not a date like 2026-12-24.`;
    const supportHours = {
      timeZone: canonicalTimeZone(timeZone()) ?? timeZone().trim(),
      windows: parsed.ok ? parsed.windows : [],
      holidays: dates.ok ? dates.dates : [],
    };
    return state.save(
      { supportHours },
      (saved) => {
        setTimeZone(saved.supportHours.timeZone);
        setSchedule(formatSupportSchedule(saved.supportHours.windows));
        setHolidays(saved.supportHours.holidays.join(', '));
      },
      problems,
    );
  };

  return (
    <SectionForm
      id="support-hours"
      title="Support hours"
      intro="When staff answer. SLA targets count only these hours, and a ticket opened outside them tells the member when staff are back."
      state={state}
      onSubmit={submit}
    >
      <div class="field">
        <label for={fieldId('supportHours.timeZone')}>Time zone</label>
        <p class="field-hint">A name from the IANA list, such as Europe/Berlin or America/New_York.</p>
        <input
          id={fieldId('supportHours.timeZone')}
          type="text"
          list="time-zones"
          autocomplete="off"
          value={timeZone()}
          onInput={(event) => setTimeZone(event.currentTarget.value)}
          {...invalidAttributes(state.problems(), 'supportHours.timeZone')}
        />
        <datalist id="time-zones">
          <For each={ZONES}>{(zone) => <option value={zone} />}</For>
        </datalist>
        <FieldProblem problems={state.problems()} path="supportHours.timeZone" />
      </div>
      <div class="field">
        <label for={fieldId('supportHours.windows')}>Weekly hours</label>
        <p class="field-hint">
          Days, then hours, parts separated by semicolons: <code>mon-fri 09:00-17:00; sat 10:00-14:00</code>. At most{' '}
          {GUILD_CONFIG_LIMITS.supportWindows} openings a week; <code>24/7</code> for around the clock.
        </p>
        <input
          id={fieldId('supportHours.windows')}
          type="text"
          value={schedule()}
          onInput={(event) => setSchedule(event.currentTarget.value)}
          {...invalidAttributes(state.problems(), 'supportHours.windows')}
        />
        <FieldProblem problems={state.problems()} path="supportHours.windows" />
      </div>
      <div class="field">
        <label for={fieldId('supportHours.holidays')}>Holidays</label>
        <p class="field-hint">
          Dates in the time zone, separated by commas: <code>2026-12-24, 2026-12-25</code>. Empty for none.
        </p>
        <input
          id={fieldId('supportHours.holidays')}
          type="text"
          value={holidays()}
          onInput={(event) => setHolidays(event.currentTarget.value)}
          {...invalidAttributes(state.problems(), 'supportHours.holidays')}
        />
        <FieldProblem problems={state.problems()} path="supportHours.holidays" />
      </div>
    </SectionForm>
  );
}

/** The command's refusals of the shorthand, as the panel says them. */
function scheduleProblem(problem: ScheduleProblem): string {
  switch (problem.code) {
    case 'empty':
      return 'Give the hours as, for example, mon-fri 09:00-17:00; sat 10:00-14:00, or 24/7.';
    case 'bad_days':
      return `“${problem.part}” does not begin with days such as mon-fri or sat,sun.`;
    case 'bad_window':
      return `“${problem.part}” has hours that cannot be read: write them as 09:00-17:00, ending after they start and by 24:00.`;
  }
}
