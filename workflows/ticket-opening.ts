import { log } from '@temporalio/workflow';
import { ticketThreadName } from '../domain/ticket-naming.ts';
import type { OpenTicketResult } from './definitions.ts';
import { ticketActivities as act } from './ticket-activities.ts';
import { isDiscordTargetGone, type TicketRun, unlessDiscordTargetGone } from './ticket-run.ts';

/**
 * Registers the ticket (number, limits, blocklist) and gives it a private thread with its creator in it.
 * Returns as soon as the member can be pointed at the thread; `welcomeTicket` does the rest.
 */
export async function openTicketThread(run: TicketRun): Promise<OpenTicketResult> {
  const ticket = run.ticket;
  const registration = await act.registerTicket({
    workflowId: ticket.workflowId,
    request: { guildId: ticket.guildId, type: ticket.type, creator: ticket.creator, answers: ticket.answers },
    openedAt: ticket.openedAt,
  });
  if (registration.outcome !== 'registered') {
    ticket.status = 'refused';
    run.publish();
    return registration;
  }

  const settings = registration.settings;
  ticket.ticketId = registration.ticketId;
  ticket.number = registration.number;
  ticket.settings = settings;
  ticket.nextReminderAt = settings.remindersChannelId ? ticket.openedAt + settings.reminderIntervalMs : null;
  run.publish();

  let threadId: string;
  try {
    ({ threadId } = await act.createTicketThread({
      guildId: ticket.guildId,
      channelId: settings.ticketChannelId,
      name: ticketThreadName(registration.number, ticket.type, ticket.creator.name),
    }));
  } catch (err) {
    if (!isDiscordTargetGone(err)) throw err;
    return closeUnopenable(run, 'The ticket thread could not be created', err);
  }
  ticket.threadId = threadId;
  await act.recordTicketChange({ ...run.ref(), patch: { threadId } });
  try {
    await act.addThreadMembers({ threadId, userIds: [ticket.creator.id] });
  } catch (err) {
    // A thread its member cannot enter is no ticket: refuse it rather than fail the workflow with the row open.
    if (!isDiscordTargetGone(err)) throw err;
    return closeUnopenable(run, 'You could not be added to the ticket thread', err);
  }
  ticket.status = 'open';
  run.publish();
  return { outcome: 'opened', workflowId: ticket.workflowId, number: registration.number, threadId };
}

/** Brings staff in and posts the answers, the type's questions and the notification ping; false when the thread is gone. */
export async function welcomeTicket(run: TicketRun): Promise<boolean> {
  const { ticket } = run;
  const settings = ticket.settings;
  const threadId = ticket.threadId;
  if (!settings || !threadId) return false;
  return unlessDiscordTargetGone(run, 'welcome', async () => {
    await act.addStaffToThread({ guildId: ticket.guildId, threadId, staffRoleIds: settings.staffRoleIds });
    await act.postNotice({
      channelId: threadId,
      idempotencyKey: run.nextKey('welcome'),
      notice: {
        kind: 'welcome',
        ticket: run.facts(),
        openingMessage: settings.openingMessage,
        answers: ticket.answers,
        questions: settings.questions,
        notificationRoleId: settings.notificationRoleId,
      },
    });
  });
}

/**
 * Discord refused the thread or its member (missing permission, deleted channel): close the row so it never
 * counts as open, and tell the member why.
 */
async function closeUnopenable(run: TicketRun, what: string, err: unknown): Promise<OpenTicketResult> {
  const { ticket } = run;
  const message = `${what}: ${err instanceof Error && err.cause instanceof Error ? err.cause.message : 'Discord refused'}.`;
  log.warn('ticket opening refused by Discord', { workflowId: ticket.workflowId, message });
  const closedAt = Date.now();
  await act.recordTicketChange({
    ...run.ref(),
    event: { key: run.nextKey('closed'), kind: 'closed', actorId: null, at: closedAt, data: { reason: message } },
    patch: { status: 'closed', closedAt, closeReason: message, closedById: null },
  });
  ticket.closure = { reason: message, closedById: null, closedAt, automatic: true };
  ticket.status = 'refused';
  run.publish();
  return { outcome: 'refused', code: 'thread_failed', message };
}
