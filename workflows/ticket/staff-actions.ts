import { ActivityFailure, ApplicationFailure, log, patched } from '@temporalio/workflow';
import type { Actor, TicketEventKind, TicketMessage, TimerState } from '../../domain/ticket.ts';
import { ticketSpace } from './channel-mode.ts';
import type { TicketRun } from './run.ts';
import { runStep } from './steps.ts';
import { timerReasonToKeep } from './timer-reason.ts';

type Activities = TicketRun['act'];
type ChangeInput = Parameters<Activities['recordTicketChange']>[0];
type ThreadNotice = Parameters<Activities['postNotice']>[0]['notice'];

/** Marks runs whose welcome message's controls follow the timer; older runs left the controls as posted. */
export const TIMER_CONTROLS_PATCH = 'timer-controls';

/** Writes first, then changes state, then tells the thread: a failed write leaves the ticket as it was. */
export async function assign(run: TicketRun, actor: Actor, assigneeId: string | null): Promise<void> {
  const { ticket } = run;
  if (ticket.assigneeId === assigneeId) return;
  const kind: TicketEventKind = assigneeId === null ? 'unassigned' : 'assigned';
  await record(run, {
    ...run.ref(),
    event: { key: run.nextKey(kind), kind, actorId: actor.id, at: Date.now(), data: { assigneeId } },
    patch: { assigneeId },
  });
  ticket.assigneeId = assigneeId;
  run.publish();
  await tellThread(run, () => ({ kind: 'assigned', ticket: run.facts(), actor }));
}

export async function addMember(run: TicketRun, actor: Actor, memberId: string): Promise<void> {
  const { ticket } = run;
  if (ticket.members.includes(memberId) || memberId === ticket.creator.id) return;
  if (ticket.threadId) await addToThread(run, ticket.threadId, memberId);
  await record(run, {
    ...run.ref(),
    event: {
      key: run.nextKey('member_added'),
      kind: 'member_added',
      actorId: actor.id,
      at: Date.now(),
      data: { memberId },
    },
    patch: { memberIdAdded: memberId },
  });
  ticket.members.push(memberId);
  await tellThread(run, () => ({ kind: 'member_added', ticket: run.facts(), memberId, actor }));
}

const timerEvents: Record<TimerState, TicketEventKind> = {
  running: 'timer_resumed',
  paused: 'timer_paused',
  disabled: 'timer_disabled',
};

/**
 * Resuming restarts the inactivity window: the ticket was deliberately on hold, not idle. Turning the timer off keeps
 * staff's reason (workflows/ticket/timer-reason.ts) with the event, the ticket and the notice.
 */
export async function setTimer(run: TicketRun, actor: Actor, timer: TimerState, reason?: string): Promise<void> {
  const { ticket } = run;
  if (ticket.timer === timer) return;
  const now = Date.now();
  const kind = timerEvents[timer];
  const kept = timerReasonToKeep(timer, reason);
  await record(run, {
    ...run.ref(),
    event: { key: run.nextKey(kind), kind, actorId: actor.id, at: now, ...(kept ? { data: { reason: kept } } : {}) },
    patch: timer === 'running' ? { timerState: timer, lastActivityAt: now } : { timerState: timer },
  });
  ticket.timer = timer;
  if (timer === 'running') {
    ticket.lastActivityAt = now;
    ticket.warnedAt = null;
  }
  if (kept) ticket.timerDisabledReason = kept;
  else delete ticket.timerDisabledReason;
  run.publish();
  await tellThread(run, () => ({
    kind: 'timer_changed',
    ticket: run.facts(),
    timer,
    actor,
    ...(kept ? { reason: kept } : {}),
  }));
  await showTimerControls(run);
}

/**
 * After the notice, because posting in a thread Discord auto-archived unarchives it, and an archived thread's
 * messages cannot be edited. Tickets welcomed before the message id was kept keep their controls as posted.
 */
async function showTimerControls(run: TicketRun): Promise<void> {
  const { threadId, welcomeMessageId: messageId, number, timer } = run.ticket;
  if (!threadId || !messageId || number === null || !patched(TIMER_CONTROLS_PATCH)) return;
  const step = { target: 'thread', step: 'show the timer in the ticket controls', onProblem: 'report' } as const;
  const outcome = await runStep(run, step, () =>
    run.act.showTimerControls({ threadId, messageId, ticketNumber: number, timer, language: run.facts().language }),
  );
  // Someone deleted the message (or the thread): later changes have nothing to edit.
  if (!outcome.done && outcome.why === 'gone') run.ticket.welcomeMessageId = undefined;
}

/** Posts a staff member's reply through the bot and takes it as the ticket's, like a reply written in the thread. */
export async function replyAsStaff(
  run: TicketRun,
  actor: Actor,
  content: string,
  acceptReply: (message: TicketMessage) => void,
): Promise<void> {
  const threadId = run.ticket.threadId;
  if (!threadId) throw ApplicationFailure.create({ type: 'TicketClosed', message: 'This ticket has no thread.' });
  const idempotencyKey = run.nextKey('staff_reply');
  let posted: TicketMessage | undefined;
  await unlessUnavailable(run, 'The reply could not be posted in the thread', async () => {
    posted = await run.act.postStaffReply({
      threadId,
      idempotencyKey,
      staff: { id: actor.id, name: actor.name },
      content,
    });
  });
  if (posted) acceptReply(posted);
}

/**
 * A staff action answers its caller, so it does not wait out an outage: when the write keeps failing, the
 * caller hears that nothing changed and may try again.
 */
export async function record(run: TicketRun, change: ChangeInput): Promise<void> {
  await unlessUnavailable(run, 'The ticket could not save this change just now', () =>
    run.act.recordTicketChange(change),
  );
}

/** Discord refusing to add the member is the caller's answer: nobody was added. */
async function addToThread(run: TicketRun, threadId: string, memberId: string): Promise<void> {
  await unlessUnavailable(run, 'Discord did not add the member to the thread', () =>
    ticketSpace(run, threadId).addMembers([memberId]),
  );
}

export async function unlessUnavailable(run: TicketRun, what: string, call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (err) {
    if (!run.hardened || !(err instanceof ActivityFailure)) throw err;
    log.warn('staff action failed', { workflowId: run.ticket.workflowId, what, error: String(err.cause ?? err) });
    // A missing permission is the guild's to fix, and Discord's answer names it; any other cause is for operators.
    const forbidden = err.cause instanceof ApplicationFailure && err.cause.type === 'DiscordForbidden';
    throw ApplicationFailure.create({
      type: forbidden ? 'MissingPermission' : 'Unavailable',
      message: forbidden
        ? `${what}: ${(err.cause as ApplicationFailure).message}. Nothing was changed.`
        : `${what}. Nothing was changed; try again in a minute.`,
      nonRetryable: true,
    });
  }
}

/**
 * The thread hears of the change; a notice Discord will not take is the ticket's problem, not the action's.
 * Returns the posted message's id, or null when nothing was posted.
 */
export async function tellThread(run: TicketRun, notice: () => ThreadNotice): Promise<string | null> {
  const threadId = run.ticket.threadId;
  if (!threadId) return null;
  const idempotencyKey = run.nextKey(notice().kind);
  const post = () => run.act.postNotice({ channelId: threadId, idempotencyKey, notice: notice() });
  if (!run.hardened) return (await post()).messageId;
  const posted = await runStep(
    run,
    { target: 'thread', step: 'tell the thread of a staff action', onProblem: 'report' },
    post,
  );
  return posted.done ? posted.value.messageId : null;
}
