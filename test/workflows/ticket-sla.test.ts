import { describe, expect, it } from 'vitest';
import { type SupportHours, supportDeadline } from '../../domain/support-hours.ts';
import type { TicketNotice } from '../../domain/ticket.ts';
import type { SlaSettings } from '../../domain/ticket-sla.ts';
import { TicketSlaBreached } from '../../workflows/search-attributes.ts';
import { replyReceived, settingsChanged } from '../../workflows/ticket/definitions.ts';
import type { RecordingTicketActivities } from '../support/recording-ticket-activities.ts';
import { eventually, noticesPosted, reply, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ESCALATION_ROLE = '300000000000000042';
const staff = { id: staffActor.id, name: staffActor.name };

const officeHours = (timeZone: string): SupportHours => ({
  timeZone,
  windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: 9 * 60, end: 17 * 60 })),
  holidays: [],
});

function slaSettings(overrides: Partial<SlaSettings> = {}): SlaSettings {
  return {
    supportHours: officeHours('UTC'),
    firstResponseMinutes: 120,
    resolutionMinutes: 600,
    escalationRoleId: ESCALATION_ROLE,
    ...overrides,
  };
}

/** The first instant after `now` that is this weekday (0 = Sunday) at this UTC hour. */
function nextUtc(now: number, weekday: number, hour: number): number {
  const day = new Date(now);
  day.setUTCHours(hour, 0, 0, 0);
  while (day.getTime() <= now || day.getUTCDay() !== weekday) day.setUTCDate(day.getUTCDate() + 1);
  return day.getTime();
}

async function skipTo(at: number): Promise<void> {
  const now = await suite.env().currentTimeMs();
  if (at > now) await suite.env().sleep(at - now);
}

/** The one ticket row the fake holds. */
const ticketRow = (fake: RecordingTicketActivities) => [...fake.rows.values()][0];

const breaches = (notices: { notice: TicketNotice }[]) =>
  notices.map(({ notice }) => (notice.kind === 'sla_breached' ? notice.target : null));

describe('SLA clocks in support hours', () => {
  it('counts only support hours over a weekend, pauses while waiting on the member, and escalates once per target', () =>
    suite.withWorker(
      async ({ fake, open, state }) => {
        const friday = nextUtc(await suite.env().currentTimeMs(), 5, 16);
        await skipTo(friday);
        const { workflowId } = await open();
        const handle = suite.env().client.workflow.getHandle(workflowId);
        await noticesPosted(fake, 'welcome', 1);
        expect(fake.notice('support_away')).toHaveLength(0);
        await eventually(async () => expect((await state(workflowId)).waitingOn).toBe('staff'));

        // Friday 16–17 and Monday 09:00–09:30: 1.5 of the 2 support hours.
        const monday = friday + 3 * DAY - 7 * HOUR;
        await skipTo(monday + 30 * MINUTE);
        expect(fake.notice('sla_breached')).toHaveLength(0);
        await skipTo(monday + HOUR + 5 * MINUTE);
        const [breach] = await noticesPosted(fake, 'sla_breached', 1);
        expect(breach?.notice).toMatchObject({ target: 'first_response', escalationRoleId: ESCALATION_ROLE });
        expect(fake.eventKinds().filter((kind) => kind === 'sla_breached')).toHaveLength(1);
        await eventually(async () =>
          expect((await handle.describe()).typedSearchAttributes.get(TicketSlaBreached)).toBe(true),
        );

        // Staff answer at 10:05: the resolution clock (2 h 05 counted) stops while the member is awaited.
        await handle.signal(replyReceived, reply('700000000000000001', monday + HOUR, staff));
        await eventually(async () => expect((await state(workflowId)).waitingOn).toBe('member'));
        await eventually(() => expect(ticketRow(fake)?.waitingOn).toBe('member'));
        const tuesday = monday + DAY;
        await skipTo(tuesday);
        expect(breaches(fake.notice('sla_breached'))).toEqual(['first_response']);

        // The member answers on Tuesday at 09:00: 7 h 55 of the 10 h remain, so it is missed at 16:55.
        await handle.signal(replyReceived, reply('700000000000000002', tuesday));
        await eventually(async () => expect((await state(workflowId)).waitingOn).toBe('staff'));
        await eventually(() => expect(ticketRow(fake)?.waitingOn).toBe('staff'));
        await skipTo(tuesday + 7 * HOUR + 50 * MINUTE);
        expect(breaches(fake.notice('sla_breached'))).toEqual(['first_response']);
        await skipTo(tuesday + 8 * HOUR);
        await noticesPosted(fake, 'sla_breached', 2);
        expect(breaches(fake.notice('sla_breached'))).toEqual(['first_response', 'resolution']);

        // Nothing more, however long it stays open.
        await skipTo(tuesday + 5 * DAY);
        expect(fake.notice('sla_breached')).toHaveLength(2);
        expect(fake.eventKinds().filter((kind) => kind === 'sla_breached')).toHaveLength(2);
      },
      (fake) => {
        fake.settings = {
          ...fake.settings,
          inactivityTimeoutMs: 30 * DAY,
          remindersChannelId: null,
          sla: slaSettings(),
        };
      },
    ));

  it("follows a change of the guild's time zone: time counted stays counted, the rest counts in the new hours", () =>
    suite.withWorker(
      async ({ fake, open, state }) => {
        const monday = nextUtc(await suite.env().currentTimeMs(), 1, 9);
        await skipTo(monday);
        const { workflowId } = await open();
        const handle = suite.env().client.workflow.getHandle(workflowId);
        await noticesPosted(fake, 'welcome', 1);

        // Two of the four hours counted in UTC; then the guild moves to New York, where it is early morning.
        const changedAt = monday + 2 * HOUR;
        await skipTo(changedAt);
        const newYork = officeHours('America/New_York');
        fake.settings = { ...fake.settings, sla: slaSettings({ supportHours: newYork }) };
        await handle.signal(settingsChanged);
        await eventually(async () =>
          expect((await state(workflowId)).sla?.supportHours.timeZone).toBe('America/New_York'),
        );
        const deadline = supportDeadline(newYork, changedAt, 2 * HOUR) as number;
        expect(deadline).toBeGreaterThan(monday + 5 * HOUR);

        await skipTo(monday + 4 * HOUR + 30 * MINUTE);
        expect(fake.notice('sla_breached')).toHaveLength(0);
        await skipTo(deadline - 5 * MINUTE);
        expect(fake.notice('sla_breached')).toHaveLength(0);
        await skipTo(deadline + 5 * MINUTE);
        const [breach] = await noticesPosted(fake, 'sla_breached', 1);
        expect(breach?.notice).toMatchObject({ target: 'first_response', targetMinutes: 240 });
      },
      (fake) => {
        fake.settings = {
          ...fake.settings,
          inactivityTimeoutMs: 30 * DAY,
          remindersChannelId: null,
          sla: slaSettings({ firstResponseMinutes: 240, resolutionMinutes: null }),
        };
      },
    ));

  it("tells a member who opens outside support hours when staff are back, once, in the guild's zone", () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const saturday = nextUtc(await suite.env().currentTimeMs(), 6, 12);
        await skipTo(saturday);
        await open();
        await noticesPosted(fake, 'welcome', 1);
        const [away] = await noticesPosted(fake, 'support_away', 1);
        const backAt = away?.notice.kind === 'support_away' ? away.notice.backAt : 0;
        const berlin = new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Berlin',
          weekday: 'short',
          hour: '2-digit',
          minute: '2-digit',
        });
        expect(berlin.format(backAt)).toBe('Mon 09:00');
        expect(backAt - saturday).toBeLessThan(2 * DAY);
        // The welcome came first; the notice is not repeated.
        expect(fake.notices.map(({ notice }) => notice.kind).indexOf('welcome')).toBeLessThan(
          fake.notices.map(({ notice }) => notice.kind).indexOf('support_away'),
        );
        await skipTo(saturday + 3 * DAY);
        expect(fake.notice('support_away')).toHaveLength(1);
      },
      (fake) => {
        fake.settings = {
          ...fake.settings,
          remindersChannelId: null,
          sla: slaSettings({ supportHours: officeHours('Europe/Berlin'), firstResponseMinutes: null }),
        };
      },
    ));
});
