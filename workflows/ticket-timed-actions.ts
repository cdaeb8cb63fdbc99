import { ticketActivities as act } from './ticket-activities.ts';
import { isDiscordTargetGone, type TicketRun } from './ticket-run.ts';

/** Warns the thread that the ticket will close; false when the thread is gone and the ticket should close now. */
export async function warnInactivity(run: TicketRun): Promise<boolean> {
  const { ticket } = run;
  const settings = ticket.settings;
  if (!settings || !ticket.threadId) return false;
  const now = Date.now();
  const closesAt = now + settings.inactivityGraceMs;
  try {
    await act.postNotice({
      channelId: ticket.threadId,
      idempotencyKey: run.nextKey('warning'),
      notice: { kind: 'inactivity_warning', ticket: run.facts(), closesAt },
    });
  } catch (err) {
    if (isDiscordTargetGone(err)) return false;
    throw err;
  }
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
    try {
      await act.postNotice({
        channelId,
        idempotencyKey: run.nextKey('reminder'),
        notice: { kind: 'reminder', ticket: run.facts(), remindedAt: now },
      });
      await act.recordTicketChange({
        ...run.ref(),
        event: { key: run.nextKey('reminder_sent'), kind: 'reminder_sent', actorId: null, at: now },
        patch: {},
      });
      ticket.remindersSent += 1;
    } catch (err) {
      // A deleted reminders channel must not break the ticket; the next reminder tries again.
      if (!isDiscordTargetGone(err)) throw err;
    }
  }
  // After downtime, skip the missed reminders rather than posting a burst.
  let next = ticket.nextReminderAt + settings.reminderIntervalMs;
  while (next <= now) next += settings.reminderIntervalMs;
  ticket.nextReminderAt = next;
}
