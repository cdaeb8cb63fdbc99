import type { PrismaClient } from '../../prisma/client.ts';
import { newSnowflake } from './ticket-fixtures.ts';

/**
 * An open ticket row of type `support` as registerTicket leaves it, written directly: routing tests open more tickets
 * than a plan's monthly limit allows, and workflow tests give the recording fake's ticket ids a real row.
 */
export async function createOpenTicketRow(
  prisma: PrismaClient,
  ticket: { guildId: string; number: number; at: number; id?: string },
): Promise<string> {
  const row = await prisma.ticket.create({
    data: {
      ...(ticket.id === undefined ? {} : { id: ticket.id }),
      guildId: ticket.guildId,
      number: ticket.number,
      workflowId: `ticket-row-${ticket.guildId}-${ticket.number}`,
      typeKey: 'support',
      typeName: 'Support',
      creatorId: newSnowflake(),
      creatorName: 'member',
      status: 'open',
      answers: [],
      settings: {},
      openedAt: new Date(ticket.at),
      lastActivityAt: new Date(ticket.at),
    },
  });
  return row.id;
}
