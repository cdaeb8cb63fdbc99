import type { WaitingOn } from '../domain/ticket-sla.ts';
import { Prisma, type TicketStatus, type TimerState } from '../prisma/client.ts';

/** One row of the panel's ticket list: what the list shows and what a live update needs to redraw a row. */
export interface TicketSummary {
  id: string;
  number: number;
  workflowId: string;
  typeKey: string;
  typeName: string;
  creatorId: string;
  creatorName: string;
  assigneeId: string | null;
  threadId: string | null;
  status: TicketStatus;
  timerState: TimerState;
  openedAt: Date;
  lastActivityAt: Date;
  closedAt: Date | null;
  closeReason: string | null;
  closedById: string | null;
  /** 0 low … 3 urgent, as the TicketPriority search attribute. */
  priority: number;
  labels: string[];
  /** Whose answer the ticket waits for; null in tickets opened before it was tracked. */
  waitingOn: WaitingOn | null;
}

/** The columns of a TicketSummary, selected from `ticket` under their field names. */
export const TICKET_SUMMARY_COLUMNS = Prisma.sql`
  ticket.id, ticket.number, ticket.workflow_id AS "workflowId", ticket.type_key AS "typeKey",
  ticket.type_name AS "typeName", ticket.creator_id AS "creatorId", ticket.creator_name AS "creatorName",
  ticket.assignee_id AS "assigneeId", ticket.thread_id AS "threadId", ticket.status::text AS status,
  ticket.timer_state::text AS "timerState", ticket.opened_at AS "openedAt", ticket.last_activity_at AS "lastActivityAt",
  ticket.closed_at AS "closedAt", ticket.close_reason AS "closeReason", ticket.closed_by_id AS "closedById",
  ticket.priority::int AS priority, ticket.labels, ticket.waiting_on::text AS "waitingOn"`;
