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

/** The close as the workflow words it (ClosureFacts); closedById null: the ticket closed by itself. */
function closureOf(record: TicketRecord) {
  if (record.status !== 'closed') return null;
  return {
    reason: record.closeReason,
    closedById: record.closedById,
    closedAt: record.closedAt?.getTime() ?? null,
    automatic: record.closedById === null,
  };
}

/** The answer to a close of a ticket its row says is closed, shaped as the workflow's own `already_closed` answer. */
export function alreadyClosed(record: TicketRecord) {
  return { outcome: 'already_closed' as const, number: record.number, closure: closureOf(record) };
}

/** What `show` prints from the row, in the fields and shapes of the workflow's own view (getTicketState). */
export function recordView(record: TicketRecord) {
  return {
    source: 'record' as const,
    workflowId: record.workflowId,
    number: record.number,
    status: record.status,
    creator: { id: record.creatorId },
    assigneeId: record.assigneeId,
    threadId: record.threadId,
    openedAt: record.openedAt.getTime(),
    closure: closureOf(record),
    transcriptKey: record.transcriptKey,
  };
}

/** `ticket #3 was closed by 123 at 2026-11-20T10:30:00.000Z (reason: "Solved")`, for the operator's terminal. */
export function closedWords(record: TicketRecord): string {
  const by = record.closedById ? `by ${record.closedById}` : 'automatically';
  const at = record.closedAt ? ` at ${record.closedAt.toISOString()}` : '';
  const why = record.closeReason ? ` (reason: "${record.closeReason}")` : '';
  return `ticket #${record.number} was closed ${by}${at}${why}`;
}
