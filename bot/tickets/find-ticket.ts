import type { PrismaClient, TicketStatus } from '../../prisma/client.ts';

/** What the bot needs to reach a ticket's workflow and to word its answers. */
export interface TicketRef {
  workflowId: string;
  number: number;
  creatorId: string;
  threadId: string | null;
  status: TicketStatus;
}

const REF_FIELDS = { workflowId: true, number: true, creatorId: true, threadId: true, status: true } as const;

/** The ticket whose private thread this is; null outside ticket threads. Always scoped by guild. */
export function findTicketByThread(prisma: PrismaClient, guildId: string, threadId: string): Promise<TicketRef | null> {
  return prisma.ticket.findFirst({ where: { guildId, threadId }, select: REF_FIELDS });
}

/** The guild's ticket with this number; null when the guild has none. */
export function findTicketByNumber(prisma: PrismaClient, guildId: string, number: number): Promise<TicketRef | null> {
  return prisma.ticket.findUnique({ where: { guildId_number: { guildId, number } }, select: REF_FIELDS });
}
