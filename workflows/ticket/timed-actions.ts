import type { TicketRun } from './run.ts';
import { runStep, type StepOutcome } from './steps.ts';

/**
 * A key for a timed side effect. Runs that track problems may try a held-up action again later, so its key comes
 * from the moment it is for (one warning per idle stretch, one reminder per due time), never from a counter.
 */
function timedKey(run: TicketRun, label: string, moment: number): string {
  return run.hardened ? `${run.ticket.workflowId}:${label}:${moment}` : run.nextKey(label);
}

/** Warns the thread that the ticket will close. Gone: the thread was deleted and the ticket should close now. */
export async function warnInactivity(run: TicketRun): Promise<StepOutcome<void>> {
  const { ticket } = run;
  const settings = ticket.settings;
  if (!settings || !ticket.threadId) return { done: false, why: 'gone', message: 'the ticket has no thread' };
  const now = Date.now();
  const closesAt = now + settings.inactivityGraceMs;
  const threadId = ticket.threadId;
  const idleSince = ticket.lastActivityAt;
  const noticeKey = timedKey(run, 'warning', idleSince);
  const posted = await runStep(
    run,
    { target: 'thread', step: 'post the inactivity warning', onProblem: 'report' },
    () =>
      run.act.postNotice({
        channelId: threadId,
        idempotencyKey: noticeKey,
        notice: { kind: 'inactivity_warning', ticket: run.facts(), closesAt },
      }),
  );
  if (!posted.done) return posted;
  const eventKey = timedKey(run, 'warning_sent', idleSince);
  const recorded = await runStep(run, { target: 'database', step: 'record the warning', onProblem: 'report' }, () =>
    run.act.recordTicketChange({
      ...run.ref(),
      event: { key: eventKey, kind: 'warning_sent', actorId: null, at: now, data: { closesAt } },
      patch: {},
    }),
  );
  if (!recorded.done) return recorded;
  ticket.warnedAt = now;
  return { done: true, value: undefined };
}

/** Posts the periodic reminder for a long-open ticket, then schedules the next one. */
export async function remindStaff(run: TicketRun): Promise<StepOutcome<void>> {
  const { ticket } = run;
  const settings = ticket.settings;
  const dueAt = ticket.nextReminderAt;
  if (!settings || dueAt === null) return { done: true, value: undefined };
  const now = Date.now();
  if (settings.remindersChannelId) {
    const channelId = settings.remindersChannelId;
    const noticeKey = timedKey(run, 'reminder', dueAt);
    const posted = await runStep(
      run,
      { target: 'reminders_channel', step: 'post the staff reminder', onProblem: 'report' },
      () =>
        run.act.postNotice({
          channelId,
          idempotencyKey: noticeKey,
          notice: { kind: 'reminder', ticket: run.facts(), remindedAt: now },
        }),
    );
    // A missing permission holds the reminder until it is granted; a deleted reminders channel must not break the
    // ticket, so the next reminder tries again.
    if (!posted.done && posted.why === 'held_up') return posted;
    if (posted.done) {
      const eventKey = timedKey(run, 'reminder_sent', dueAt);
      const recorded = await runStep(
        run,
        { target: 'database', step: 'record the reminder', onProblem: 'report' },
        () =>
          run.act.recordTicketChange({
            ...run.ref(),
            event: { key: eventKey, kind: 'reminder_sent', actorId: null, at: now },
            patch: {},
          }),
      );
      if (!recorded.done) return recorded;
      ticket.remindersSent += 1;
    }
  }
  // After downtime, skip the missed reminders rather than posting a burst.
  let next = dueAt + settings.reminderIntervalMs;
  while (next <= now) next += settings.reminderIntervalMs;
  ticket.nextReminderAt = next;
  return { done: true, value: undefined };
}
