import type { TicketRef } from '../../domain/ticket.ts';
import type { Prisma, TicketStatus } from '../../prisma/client.ts';
import { ticketNotFound } from './failures.ts';

export interface LockedTicket {
  status: TicketStatus;
  lastActivityAt: Date;
}

/**
 * Locks the ticket row for the rest of the transaction, found by guild AND id: another guild's ticket id finds
 * nothing, so no write can reach across guilds. Concurrent changes to one ticket queue here.
 */
export async function lockTicket(tx: Prisma.TransactionClient, ref: TicketRef): Promise<LockedTicket> {
  const rows = await tx.$queryRaw<{ status: TicketStatus; last_activity_at: Date }[]>`
    SELECT status::text AS status, last_activity_at FROM ticket
     WHERE guild_id = ${ref.guildId} AND id = ${ref.ticketId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw ticketNotFound(ref);
  return { status: row.status, lastActivityAt: row.last_activity_at };
}
