import { Prisma, type PrismaClient } from '../../prisma/client.ts';
import { TRANSACTION_OPTIONS } from '../transaction-options.ts';

/** A closed ticket that still has a transcript or stored messages. */
export interface ClosedTicketWithContent {
  id: string;
  number: number;
  closedAt: Date;
  transcriptKey: string | null;
}

/** Where a page of closed tickets ends: the next page starts after it, in close order. */
export interface CloseCursor {
  closedAt: number;
  id: string;
}

/**
 * A page of the guild's tickets closed at or before `closedBy` whose transcript or messages are still stored, oldest
 * close first, after `after`: one range of the ticket(guild_id, status, closed_at, id) index. Open tickets never.
 */
export async function closedTicketsWithContent(
  prisma: PrismaClient,
  input: { guildId: string; closedBy: Date; after: CloseCursor | null; limit: number },
): Promise<ClosedTicketWithContent[]> {
  const { guildId, closedBy, after, limit } = input;
  const afterCursor = after
    ? Prisma.sql`AND (t.closed_at, t.id) > (${new Date(after.closedAt)}, ${after.id})`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: string; number: number; closed_at: Date; transcript_key: string | null }[]>`
    SELECT t.id, t.number, t.closed_at, t.transcript_key
      FROM ticket t
     WHERE t.guild_id = ${guildId} AND t.status = 'closed' AND t.closed_at <= ${closedBy} ${afterCursor}
       AND (t.transcript_key IS NOT NULL
            OR EXISTS (SELECT 1 FROM ticket_message m WHERE m.guild_id = t.guild_id AND m.ticket_id = t.id))
     ORDER BY t.closed_at, t.id
     LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    closedAt: row.closed_at,
    transcriptKey: row.transcript_key,
  }));
}

/**
 * Deletes a closed ticket's stored messages and forgets its transcript (the caller deleted the files first), in one
 * transaction holding the ticket's row. The row itself, its events and answers stay: numbers, counts and the panel's
 * list are unchanged. Null, with nothing changed, unless the ticket is closed. Again later, it deletes nothing more.
 */
export async function forgetClosedTicketContent(
  prisma: PrismaClient,
  ticket: { guildId: string; ticketId: string },
): Promise<{ messages: number } | null> {
  const { guildId, ticketId } = ticket;
  return prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM ticket WHERE guild_id = ${guildId} AND id = ${ticketId} FOR UPDATE`;
    if (row?.status !== 'closed') return null;
    const { count } = await tx.ticketMessage.deleteMany({ where: { guildId, ticketId } });
    await tx.ticket.updateMany({
      where: { guildId, id: ticketId, transcriptKey: { not: null } },
      data: { transcriptKey: null },
    });
    return { messages: count };
  }, TRANSACTION_OPTIONS);
}
