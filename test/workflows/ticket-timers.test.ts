import { describe, expect, it } from 'vitest';
import { TicketLastActivityAt, TicketStatus, TicketTimerState } from '../../workflows/search-attributes.ts';
import {
  closeTicket,
  disableTimer,
  pauseTimer,
  replyReceived,
  resumeTimer,
} from '../../workflows/ticket/definitions.ts';
import type { RecordingTicketActivities } from '../support/recording-ticket-activities.ts';
import { eventually, noticesPosted, reply, staffActor } from '../support/ticket-harness.ts';
import { timeSkippingSuite } from '../support/time-skipping-suite.ts';

const suite = timeSkippingSuite();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Timers fire a few milliseconds after their deadline, at the next workflow task. */
function expectNear(actual: number | false | undefined, expected: number): void {
  expect(actual).toBeGreaterThanOrEqual(expected);
  expect(actual).toBeLessThan(expected + 5_000);
}

/** The welcome message's id, and each timer state its controls were edited to show, in order. */
function controlEditsOf(fake: RecordingTicketActivities) {
  const [welcome] = fake.notice('welcome');
  expect(welcome?.notice).toMatchObject({ kind: 'welcome', timer: 'running' });
  for (const edit of fake.controlEdits) {
    expect(edit).toMatchObject({ threadId: welcome?.channelId, messageId: welcome?.idempotencyKey, ticketNumber: 1 });
  }
  return fake.controlEdits.map((edit) => edit.timer);
}

/** Lets the worker finish whatever a fired timer started, in real time, before a negative check. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('inactivity timer', () => {
  it('warns after 72 idle hours, then closes for inactivity after the 24-hour grace', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const openedAt = (await state(workflowId)).openedAt;

      await suite.env().sleep(71 * HOUR);
      await settle();
      expect(fake.notice('inactivity_warning')).toHaveLength(0);

      await suite.env().sleep(2 * HOUR);
      const [warning] = await noticesPosted(fake, 'inactivity_warning', 1);
      expectNear(warning?.notice.kind === 'inactivity_warning' && warning.notice.closesAt, openedAt + 96 * HOUR);
      expect(fake.eventKinds()).toContain('warning_sent');

      await suite.env().sleep(25 * HOUR);
      const result = await suite.env().client.workflow.getHandle(workflowId).result();
      expect(result).toMatchObject({
        outcome: 'closed',
        closure: { reason: 'inactivity', closedById: null, automatic: true },
      });
      expectNear(result.outcome === 'closed' && result.closure.closedAt, openedAt + 96 * HOUR);
      expect(fake.rows.get('ticket-1')).toMatchObject({ status: 'closed', closeReason: 'inactivity' });
      // The thread is locked before the transcript is made, so the transcript is the whole conversation.
      // (After the close come the creator's message and the wait for a reopen or rating.)
      const calls = fake.calls.map((c) => c.name);
      const closed = calls.lastIndexOf('recordTicketChange');
      const closingSteps = calls.slice(closed - 4, closed + 1);
      expect(closingSteps).toEqual([
        'postNotice',
        'lockThread',
        'renderTranscript',
        'postNotice',
        'recordTicketChange',
      ]);
      expect(fake.notice('summary')[0]?.channelId).toBe(fake.settings.historiesChannelId);
      expect([...fake.threads.values()][0]?.locked).toBe(true);
    }));

  it('restarts the idle window on every reply and stores each reply once', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const openedAt = (await state(workflowId)).openedAt;

      await suite.env().sleep(70 * HOUR);
      await handle.signal(replyReceived, reply('600000000000000001', openedAt + 70 * HOUR));
      await handle.signal(replyReceived, reply('600000000000000001', openedAt + 70 * HOUR));
      await eventually(() => expect(fake.messages.size).toBe(1));
      const afterReply = await state(workflowId);
      expect(afterReply.replyCount).toBe(1);
      expect(afterReply.lastActivityAt).toBeGreaterThanOrEqual(openedAt + 70 * HOUR);
      await eventually(async () =>
        expect((await handle.describe()).typedSearchAttributes.get(TicketLastActivityAt)?.getTime()).toBe(
          afterReply.lastActivityAt,
        ),
      );

      await suite.env().sleep(71 * HOUR);
      await settle();
      expect(fake.notice('inactivity_warning')).toHaveLength(0);

      await suite.env().sleep(2 * HOUR);
      const [warning] = await noticesPosted(fake, 'inactivity_warning', 1);
      expectNear(warning?.notice.kind === 'inactivity_warning' && warning.notice.closesAt, openedAt + 166 * HOUR);
      expect(fake.eventKinds().filter((k) => k === 'replied')).toHaveLength(1);

      await handle.signal(replyReceived, reply('600000000000000002', openedAt + 143 * HOUR));
      await suite.env().sleep(30 * HOUR);
      await settle();
      expect((await state(workflowId)).status).toBe('open');
    }));

  it('drops a malformed reply alone, storing the good replies signalled with it', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const malformed = { ...reply('600000000000000011', Date.now()), authorId: 'not-an-id' };
      await handle.signal(replyReceived, malformed);
      await handle.signal(replyReceived, reply('600000000000000012', Date.now()));
      await eventually(() => expect([...fake.messages.keys()]).toEqual(['600000000000000012']));
      expect((await state(workflowId)).replyCount).toBe(1);
    }));

  it('never auto-closes a paused ticket, and restarts the idle window on resume', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const openedAt = (await state(workflowId)).openedAt;

      await suite.env().sleep(HOUR);
      const paused = await handle.executeUpdate(pauseTimer, { args: [{ actor: staffActor }] });
      expect(paused.timer).toBe('paused');
      expect((await handle.describe()).typedSearchAttributes.get(TicketTimerState)).toBe('paused');
      expect(controlEditsOf(fake)).toEqual(['paused']);
      await handle.executeUpdate(pauseTimer, { args: [{ actor: staffActor }] });
      expect(controlEditsOf(fake)).toEqual(['paused']);

      await suite.env().sleep(200 * HOUR);
      await settle();
      expect(fake.notice('inactivity_warning')).toHaveLength(0);
      expect((await state(workflowId)).status).toBe('open');

      const resumed = await handle.executeUpdate(resumeTimer, { args: [{ actor: staffActor }] });
      expect(resumed.timer).toBe('running');
      expectNear(resumed.lastActivityAt, openedAt + 201 * HOUR);
      await suite.env().sleep(71 * HOUR);
      await settle();
      expect(fake.notice('inactivity_warning')).toHaveLength(0);
      await suite.env().sleep(2 * HOUR);
      await noticesPosted(fake, 'inactivity_warning', 1);
      expect(fake.eventKinds()).toEqual(expect.arrayContaining(['timer_paused', 'timer_resumed', 'warning_sent']));
      expect(fake.notice('timer_changed').map((n) => n.notice.kind === 'timer_changed' && n.notice.timer)).toEqual([
        'paused',
        'running',
      ]);
      expect(controlEditsOf(fake)).toEqual(['paused', 'running']);
    }));

  it('welcomes a ticket paused before its welcome with the paused controls, and edits nothing', () =>
    suite.withWorker(async ({ fake, open }) => {
      fake.failing.set('addStaffToThread', 'DiscordForbidden');
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'problem', 1);
      await handle.executeUpdate(pauseTimer, { args: [{ actor: staffActor }] });
      fake.failing.delete('addStaffToThread');
      await suite.env().sleep(2 * MINUTE);
      const [welcome] = await noticesPosted(fake, 'welcome', 1);
      expect(welcome?.notice).toMatchObject({ kind: 'welcome', timer: 'paused' });
      expect(fake.controlEdits).toEqual([]);
    }));

  it('keeps a ticket with a disabled timer open indefinitely', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      await noticesPosted(fake, 'welcome', 1);
      await handle.executeUpdate(disableTimer, { args: [{ actor: staffActor }] });
      expect(controlEditsOf(fake)).toEqual(['disabled']);
      await suite.env().sleep(30 * DAY);
      await settle();
      expect(fake.notice('inactivity_warning')).toHaveLength(0);
      expect(await state(workflowId)).toMatchObject({ status: 'open', timer: 'disabled' });
      expect((await handle.describe()).typedSearchAttributes.get(TicketStatus)).toBe('open');
      expect(fake.rows.get('ticket-1')?.timerState).toBe('disabled');
    }));
});

describe('staff reminders', () => {
  it('reminds at 7, 14 and 21 days in the reminders channel, and never after close', () =>
    suite.withWorker(async ({ fake, open, state }) => {
      const { workflowId } = await open();
      const handle = suite.env().client.workflow.getHandle(workflowId);
      const openedAt = (await state(workflowId)).openedAt;
      await handle.executeUpdate(disableTimer, { args: [{ actor: staffActor }] });

      await suite.env().sleep(22 * DAY);
      const reminders = await noticesPosted(fake, 'reminder', 3);
      reminders.forEach((r, i) => {
        expectNear(r.notice.kind === 'reminder' && r.notice.remindedAt, openedAt + (i + 1) * 7 * DAY);
      });
      expect(reminders.every((r) => r.channelId === fake.settings.remindersChannelId)).toBe(true);
      expect((await state(workflowId)).remindersSent).toBe(3);

      await handle.executeUpdate(closeTicket, { args: [{ actor: staffActor, reason: 'resolved' }] });
      await handle.result();
      await suite.env().sleep(8 * DAY);
      await settle();
      expect(fake.notice('reminder')).toHaveLength(3);
      expect(fake.eventKinds().filter((k) => k === 'reminder_sent')).toHaveLength(3);
    }));

  it('sends no reminders when the guild has no reminders channel', () =>
    suite.withWorker(
      async ({ fake, open }) => {
        const { workflowId } = await open();
        await suite
          .env()
          .client.workflow.getHandle(workflowId)
          .executeUpdate(disableTimer, { args: [{ actor: staffActor }] });
        await suite.env().sleep(15 * DAY);
        await settle();
        expect(fake.notice('reminder')).toHaveLength(0);
      },
      (fake) => {
        fake.settings = { ...fake.settings, remindersChannelId: null };
      },
    ));
});
