import type { TicketEvent, TicketStatus, TimerState } from '../../lib/ticket-api.ts';

export const statusLabels: Record<TicketStatus, string> = { opening: 'Opening', open: 'Open', closed: 'Closed' };

export const timerLabels: Record<TimerState, string> = {
  running: 'Timer running',
  paused: 'Timer paused',
  disabled: 'Timer off',
};

/** By the rank the API gives (0 low … 3 urgent). */
export const priorityLabels: readonly string[] = ['Low', 'Normal', 'High', 'Urgent'];
const PRIORITY_RANKS: Record<string, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** Events store a label list as one comma-separated value (label names hold no commas). */
function listed(labels: unknown): string {
  return typeof labels === 'string' ? labels.split(',').filter(Boolean).join(', ') : '';
}

/** The timeline's entries in words; `actor` is who did it, already named. */
export function eventWords(kind: string, actor: string, data: Record<string, unknown> | null): string {
  switch (kind) {
    case 'opened':
      return `${actor} opened the ticket`;
    case 'replied':
      return `${actor} replied`;
    case 'assigned':
      return `${actor} assigned it to ${mention(data?.assigneeId)}`;
    case 'unassigned':
      return `${actor} unassigned it`;
    case 'member_added':
      return `${actor} added ${mention(data?.memberId)}`;
    case 'timer_paused':
      return `${actor} paused the inactivity timer`;
    case 'timer_resumed':
      return `${actor} resumed the inactivity timer`;
    case 'timer_disabled':
      return `${actor} turned the inactivity timer off${quoted(data?.reason)}`;
    case 'close_requested':
      return `${actor} asked the member to confirm closing${quoted(data?.reason)}`;
    case 'close_request_accepted':
      return `${actor} accepted the close request`;
    case 'close_request_declined':
      return `${actor} kept the ticket open`;
    case 'close_request_cancelled':
      return `${actor} replied, cancelling the close request`;
    case 'close_request_expired':
      return 'The close request expired without an answer';
    case 'reminder_sent':
      return 'A reminder was sent';
    case 'warning_sent':
      return 'The inactivity warning was sent';
    case 'priority_changed':
      return `${actor} set the priority to ${priorityLabels[PRIORITY_RANKS[String(data?.priority)] ?? 1]}`;
    case 'labels_changed':
      return `${actor} changed the labels to ${listed(data?.labels) || 'none'}`;
    case 'renamed':
      return `${actor} renamed the thread to ${String(data?.name ?? '')}`;
    case 'moved':
      return `${actor} moved it from ${String(data?.fromName ?? data?.from)} to ${String(data?.toName ?? data?.to)}`;
    case 'closed':
      return `${actor} closed the ticket${quoted(data?.reason)}`;
    default:
      return `${actor}: ${kind}`;
  }
}

/** Why the timer is off, from the last time staff turned it off: `: “reason”`, or nothing when they gave none. */
export function timerOffReason(events: readonly Pick<TicketEvent, 'kind' | 'data'>[]): string {
  return quoted(events.findLast((event) => event.kind === 'timer_disabled')?.data?.reason);
}

/** `: “reason”` when the event has a reason, else nothing. */
function quoted(reason: unknown): string {
  return typeof reason === 'string' && reason ? `: “${reason}”` : '';
}

function mention(id: unknown): string {
  return typeof id === 'string' ? `user ${id}` : 'someone';
}
