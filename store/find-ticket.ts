import type { PrismaClient, TicketStatus } from '../prisma/client.ts';

/** What the bot and the panel need to reach a ticket's workflow and to word their answers, as the ticket's row has it. */
export interface TicketRef {
  workflowId: string;
  number: number;
  creatorId: string;
  /** The type's key, as a move changes it. */
  typeKey: string;
  threadId: string | null;
  status: TicketStatus;
  /** Who holds it now, as the row has it (the workflow decides: a claim over a holder is refused without takeOver). */
  assigneeId: string | null;
  /** Who closed it, when and why: set once the row says closed (closedById null when it closed by itself). */
  closedAt: Date | null;
  closedById: string | null;
  closeReason: string | null;
  /** The creator's stars for the last close; null until rated, and again once reopened. */
  rating: number | null;
}

const REF_FIELDS = {
  workflowId: true,
  number: true,
  creatorId: true,
  typeKey: true,
  threadId: true,
  status: true,
  assigneeId: true,
  closedAt: true,
  closedById: true,
  closeReason: true,
  rating: true,
} as const;

/** The ticket whose private thread this is; null outside ticket threads. Always scoped by guild. */
export function findTicketByThread(prisma: PrismaClient, guildId: string, threadId: string): Promise<TicketRef | null> {
  return prisma.ticket.findFirst({ where: { guildId, threadId }, select: REF_FIELDS });
}

/** The guild's ticket with this number; null when the guild has none. */
export function findTicketByNumber(prisma: PrismaClient, guildId: string, number: number): Promise<TicketRef | null> {
  return prisma.ticket.findUnique({ where: { guildId_number: { guildId, number } }, select: REF_FIELDS });
}

/** The ticket a workflow runs; null until the workflow has registered it (or when it refused to open). */
export function findTicketByWorkflow(prisma: PrismaClient, workflowId: string): Promise<TicketRef | null> {
  return prisma.ticket.findUnique({ where: { workflowId }, select: REF_FIELDS });
}
