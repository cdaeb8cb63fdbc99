import type { TicketStatus, TimerState } from '../../lib/ticket-api.ts';

export const statusLabels: Record<TicketStatus, string> = { opening: 'Opening', open: 'Open', closed: 'Closed' };

export const timerLabels: Record<TimerState, string> = {
  running: 'Timer running',
  paused: 'Timer paused',
  disabled: 'Timer off',
};

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
      return `${actor} turned the inactivity timer off`;
    case 'reminder_sent':
      return 'A reminder was sent';
    case 'warning_sent':
      return 'The inactivity warning was sent';
    case 'closed':
      return `${actor} closed the ticket${typeof data?.reason === 'string' && data.reason ? `: “${data.reason}”` : ''}`;
    default:
      return `${actor}: ${kind}`;
  }
}

function mention(id: unknown): string {
  return typeof id === 'string' ? `user ${id}` : 'someone';
}
