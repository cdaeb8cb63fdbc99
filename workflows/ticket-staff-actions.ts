import type { Actor, TicketEventKind, TimerState } from '../domain/ticket.ts';
import { ticketActivities as act } from './ticket-activities.ts';
import type { TicketRun } from './ticket-run.ts';

/** Writes first, then changes state, then tells the thread: a failed write leaves the ticket as it was. */
export async function assign(run: TicketRun, actor: Actor, assigneeId: string | null): Promise<void> {
  const { ticket } = run;
  if (ticket.assigneeId === assigneeId) return;
  const kind: TicketEventKind = assigneeId === null ? 'unassigned' : 'assigned';
  await act.recordTicketChange({
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
  if (ticket.threadId) await act.addThreadMembers({ threadId: ticket.threadId, userIds: [memberId] });
  await act.recordTicketChange({
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

/** Resuming restarts the inactivity window: the ticket was deliberately on hold, not idle. */
export async function setTimer(run: TicketRun, actor: Actor, timer: TimerState): Promise<void> {
  const { ticket } = run;
  if (ticket.timer === timer) return;
  const now = Date.now();
  const kind = timerEvents[timer];
  await act.recordTicketChange({
    ...run.ref(),
    event: { key: run.nextKey(kind), kind, actorId: actor.id, at: now },
    patch: timer === 'running' ? { timerState: timer, lastActivityAt: now } : { timerState: timer },
  });
  ticket.timer = timer;
  if (timer === 'running') {
    ticket.lastActivityAt = now;
    ticket.warnedAt = null;
  }
  run.publish();
  await tellThread(run, () => ({ kind: 'timer_changed', ticket: run.facts(), timer, actor }));
}

type ThreadNotice = Parameters<typeof act.postNotice>[0]['notice'];

async function tellThread(run: TicketRun, notice: () => ThreadNotice): Promise<void> {
  const threadId = run.ticket.threadId;
  if (!threadId) return;
  await act.postNotice({ channelId: threadId, idempotencyKey: run.nextKey(notice().kind), notice: notice() });
}
