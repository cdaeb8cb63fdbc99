import { action, query } from '@solidjs/router';
import { ApiError, readJson, send } from './api.ts';

/** The panel's tickets, as the API (web/server/routes/tickets/) answers them; times are ISO 8601 strings. */

export type TicketStatus = 'opening' | 'open' | 'closed';
export type TimerState = 'running' | 'paused' | 'disabled';

export type TicketSummary = {
  id: string;
  number: number;
  typeKey: string;
  typeName: string;
  creatorId: string;
  creatorName: string;
  assigneeId: string | null;
  threadId: string | null;
  status: TicketStatus;
  timerState: TimerState;
  openedAt: string;
  lastActivityAt: string;
  closedAt: string | null;
  closeReason: string | null;
  closedById: string | null;
  waitingOn: 'staff' | 'member' | null;
  /** 0 low, 1 normal, 2 high, 3 urgent. */
  priority: number;
  labels: string[];
};

export type TicketMessage = {
  id: string;
  authorId: string;
  authorName: string;
  authorIsBot: boolean;
  content: string;
  attachments: { id: string; filename: string; size: number; contentType: string | null; url: string }[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
};

export type TicketEvent = {
  id: string;
  kind: string;
  actorId: string | null;
  at: string;
  data: Record<string, unknown> | null;
};

export type TicketDetail = TicketSummary & {
  answers: { question: string; answer: string }[];
  members: { userId: string; addedById: string | null; addedAt: string }[];
  messages: TicketMessage[];
  olderMessages: boolean;
  events: TicketEvent[];
};

export type TicketPage = { tickets: TicketSummary[]; nextCursor: string | null; changeId: number };

/** The list's filters and ordering, as the page's address carries them (only what is set). */
export type TicketListQuery = Partial<
  Record<
    | 'status'
    | 'type'
    | 'assignee'
    | 'creator'
    | 'timer'
    | 'priority'
    | 'label'
    | 'openedAfter'
    | 'sort'
    | 'order'
    | 'cursor',
    string
  >
>;

export function ticketsPath(guildId: string): string {
  return `/api/v1/guilds/${encodeURIComponent(guildId)}/tickets`;
}

export function ticketPath(guildId: string, number: number | string): string {
  return `${ticketsPath(guildId)}/${encodeURIComponent(String(number))}`;
}

/**
 * A page of the list, or why the API refused its filters (a creator that is not a Discord id, say), which the page
 * shows under the filters to fix; null when the guild is not there for the viewer.
 */
export const getTickets = query(
  async (guildId: string, filters: TicketListQuery): Promise<{ page?: TicketPage; refused?: string } | null> => {
    const search = new URLSearchParams(
      Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]),
    );
    const suffix = search.size > 0 ? `?${search}` : '';
    try {
      const page = await readJson<TicketPage>(`${ticketsPath(guildId)}${suffix}`);
      return page && { page };
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) return { refused: error.message };
      throw error;
    }
  },
  'tickets',
);

export const getTicket = query(
  async (guildId: string, number: string): Promise<{ ticket: TicketDetail; changeId: number } | null> =>
    readJson<{ ticket: TicketDetail; changeId: number }>(ticketPath(guildId, number)),
  'ticket',
);

export type TicketActionName =
  | 'reply'
  | 'assign'
  | 'unassign'
  | 'claim'
  | 'members'
  | 'pause-timer'
  | 'resume-timer'
  | 'disable-timer'
  | 'close';

/**
 * One staff action on a ticket; resolves with the server's words for what happened, and throws an ApiError with
 * the workflow's words when it was refused. A form's fields (reply's `content`, `memberId`, `assigneeId`, the
 * close's and the timer's `reason`, and `takeOver` once confirmed) are its body. The page follows the ticket's live
 * stream for what changed.
 */
export const actOnTicket = action(async (guildId: string, number: number, name: TicketActionName, fields: FormData) => {
  const { takeOver, ...body } = Object.fromEntries(fields);
  const confirmed = takeOver === undefined ? {} : { takeOver: takeOver === 'true' };
  const response = await send(`${ticketPath(guildId, number)}/${name}`, 'POST', { ...body, ...confirmed });
  return ((await response.json()) as { message: string }).message;
}, 'actOnTicket');
