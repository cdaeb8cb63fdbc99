import { ApplicationFailure } from '@temporalio/workflow';
import type { Actor } from '../../domain/ticket.ts';
import { bestEffort } from './best-effort.ts';
import { ticketSpace } from './channel-mode.ts';
import type { TicketRun } from './run.ts';
import { runStep } from './steps.ts';

/**
 * Reopens the closed ticket in its own thread: unarchived and unlocked (its members stay), open again in Postgres
 * and the search attributes, its timers counting from now, and a notice in the thread. `onOpen` is called the moment
 * it is open again, before anything else can run. The ticket is not called
 * open before its thread is; a thread deleted since the close refuses the reopen with nothing changed.
 */
export async function reopenTicketRecord(run: TicketRun, actor: Actor, onOpen: () => void): Promise<void> {
  const { ticket } = run;
  const threadId = ticket.threadId;
  if (!threadId) throw gone();
  const unlocked = await runStep(run, { target: 'thread', step: 'reopen the thread' }, () =>
    ticketSpace(run, threadId).unlock(`Ticket reopened by ${actor.name}`),
  );
  if (!unlocked.done) throw gone();
  const now = Date.now();
  const key = run.nextKey('reopened');
  await runStep(run, { target: 'database', step: 'record the reopen' }, () =>
    run.act.recordTicketChange({
      ...run.ref(),
      event: {
        key,
        kind: 'reopened',
        actorId: actor.id,
        at: now,
        data: { closedAt: ticket.closure?.closedAt ?? null },
      },
      patch: { status: 'open', closedAt: null, closeReason: null, closedById: null, lastActivityAt: now, rating: null },
    }),
  );
  ticket.status = 'open';
  ticket.closure = null;
  ticket.lastActivityAt = now;
  ticket.warnedAt = null;
  ticket.reopens = (ticket.reopens ?? 0) + 1;
  ticket.reopenedBy = [...(ticket.reopenedBy ?? []), { actorId: actor.id, at: now }];
  ticket.reopenUntil = undefined;
  ticket.ratingUntil = undefined;
  ticket.rating = undefined;
  ticket.summary = undefined;
  // A close request still pending when the ticket was closed ended with that close; it must not close the reopened one.
  if (ticket.pendingCloseRequest) ticket.pendingCloseRequest = null;
  const reminderMs = ticket.settings?.remindersChannelId ? ticket.settings.reminderIntervalMs : null;
  ticket.nextReminderAt = reminderMs === null ? null : now + reminderMs;
  onOpen();
  run.publish();
  const noticeKey = run.nextKey('reopened_notice');
  // The ticket is open either way; a notice that cannot be posted now is not worth holding it up.
  await bestEffort(run, 'post the reopen notice', () =>
    run.act.postNotice({
      channelId: threadId,
      idempotencyKey: noticeKey,
      notice: { kind: 'reopened', ticket: run.facts(), actor },
    }),
  );
}

function gone(): ApplicationFailure {
  return ApplicationFailure.create({
    type: 'ThreadGone',
    message: "This ticket's thread was deleted, so it cannot be reopened.",
    nonRetryable: true,
  });
}
