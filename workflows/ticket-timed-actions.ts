import { ticketActivities as act } from './ticket-activities.ts';
import { type TicketRun, unlessDiscordTargetGone } from './ticket-run.ts';

/** Warns the thread that the ticket will close; false when the thread is gone and the ticket should close now. */
export async function warnInactivity(run: TicketRun): Promise<boolean> {
  const { ticket } = run;
  const settings = ticket.settings;
  if (!settings || !ticket.threadId) return false;
  const now = Date.now();
  const closesAt = now + settings.inactivityGraceMs;
  const threadId = ticket.threadId;
  const posted = await unlessDiscordTargetGone(run, 'inactivity warning', () =>
    act.postNotice({
      channelId: threadId,
      idempotencyKey: run.nextKey('warning'),
      notice: { kind: 'inactivity_warning', ticket: run.facts(), closesAt },
    }),
  );
  if (!posted) return false;
  await act.recordTicketChange({
    ...run.ref(),
    event: { key: run.nextKey('warning_sent'), kind: 'warning_sent', actorId: null, at: now, data: { closesAt } },
    patch: {},
  });
  ticket.warnedAt = now;
  return true;
}

/** Posts the periodic reminder for a long-open ticket, then schedules the next one. */
export async function remindStaff(run: TicketRun): Promise<void> {
  const { ticket } = run;
  const settings = ticket.settings;
  if (!settings || ticket.nextReminderAt === null) return;
  const now = Date.now();
  if (settings.remindersChannelId) {
    const channelId = settings.remindersChannelId;
    // A deleted reminders channel must not break the ticket; the next reminder tries again.
    const posted = await unlessDiscordTargetGone(run, 'reminder', () =>
      act.postNotice({
        channelId,
        idempotencyKey: run.nextKey('reminder'),
        notice: { kind: 'reminder', ticket: run.facts(), remindedAt: now },
      }),
    );
    if (posted) {
      await act.recordTicketChange({
        ...run.ref(),
        event: { key: run.nextKey('reminder_sent'), kind: 'reminder_sent', actorId: null, at: now },
        patch: {},
      });
      ticket.remindersSent += 1;
    }
  }
  // After downtime, skip the missed reminders rather than posting a burst.
  let next = ticket.nextReminderAt + settings.reminderIntervalMs;
  while (next <= now) next += settings.reminderIntervalMs;
  ticket.nextReminderAt = next;
}
