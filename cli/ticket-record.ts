import type { PrismaClient } from '../prisma/client.ts';

/** A ticket as its Postgres row has it: what `npm run ticket` answers from once the ticket is closed. */
export interface TicketRecord {
  workflowId: string;
  number: number;
  status: string;
  creatorId: string;
  assigneeId: string | null;
  threadId: string | null;
  openedAt: Date;
  closedAt: Date | null;
  closedById: string | null;
  closeReason: string | null;
  transcriptKey: string | null;
}

/** The row of the ticket this workflow runs; null when it registered none (a refused open, an unknown id). */
export function readTicketRecord(prisma: PrismaClient, workflowId: string): Promise<TicketRecord | null> {
  return prisma.ticket.findUnique({
    where: { workflowId },
    select: {
      workflowId: true,
      number: true,
      status: true,
      creatorId: true,
      assigneeId: true,
      threadId: true,
      openedAt: true,
      closedAt: true,
      closedById: true,
      closeReason: true,
      transcriptKey: true,
    },
  });
}

/**
 * The answer to a close of a ticket its row says is closed, shaped as the workflow's own `already_closed` answer
 * (closedById null: it closed by itself).
 */
export function alreadyClosed(record: TicketRecord) {
  return {
    outcome: 'already_closed' as const,
    number: record.number,
    closure: {
      reason: record.closeReason,
      closedById: record.closedById,
      closedAt: record.closedAt?.getTime() ?? null,
      automatic: record.closedById === null,
    },
  };
}

/** `ticket #3 was closed by 123 at 2026-11-20T10:30:00.000Z (reason: "Solved")`, for the operator's terminal. */
export function closedWords(record: TicketRecord): string {
  const by = record.closedById ? `by ${record.closedById}` : 'automatically';
  const at = record.closedAt ? ` at ${record.closedAt.toISOString()}` : '';
  const why = record.closeReason ? ` (reason: "${record.closeReason}")` : '';
  return `ticket #${record.number} was closed ${by}${at}${why}`;
}
