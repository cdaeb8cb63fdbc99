import type { PrismaClient, TicketChangeKind } from '../prisma/client.ts';

/**
 * A change to a ticket, its messages or its events, as the ticket_change table records it (the migration's
 * triggers write it at commit, whoever writes). Within a guild, a change with a larger id committed after every
 * change with a smaller one.
 */
export interface TicketChange {
  /** Increases with every change; the Last-Event-ID of a live stream. */
  id: number;
  guildId: string;
  ticketId: string;
  /** Who opened the ticket (null if the ticket row is gone), for member streams that show only their own. */
  creatorId: string | null;
  kind: TicketChangeKind;
  /** The changed row's id: the ticket's for ticket_*, the Discord message id for message_*, the event's id. */
  subjectId: string;
  at: Date;
}

/** How long changes are kept by default: a stream may resume from anything newer. */
export const TICKET_CHANGE_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * The newest change of the guild that is visible now: read it BEFORE reading what a page shows, then subscribe with
 * it as afterId, and no change is missed between the two. Never less than the pruned horizon, so a guild with no
 * kept change still gets a position that will not expire at once.
 */
export async function latestChangeId(prisma: PrismaClient, guildId: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ latest: bigint }[]>`
    SELECT GREATEST(
             (SELECT max(id) FROM ticket_change WHERE guild_id = ${guildId}),
             (SELECT pruned_through FROM ticket_change_horizon WHERE id = 1),
             0) AS latest`;
  return Number(rows[0]?.latest ?? 0);
}

/** Every change with an id up to this one may have been pruned (0 when none was). */
export async function prunedThrough(prisma: PrismaClient): Promise<number> {
  const rows = await prisma.$queryRaw<{ pruned_through: bigint }[]>`
    SELECT pruned_through FROM ticket_change_horizon WHERE id = 1`;
  return Number(rows[0]?.pruned_through ?? 0);
}

export interface PruneResult {
  /** Rows deleted. */
  pruned: number;
  /** The horizon afterwards: a stream resuming from an id below it must reload. */
  prunedThrough: number;
}

/**
 * Deletes the changes recorded before `olderThan` (keep a day: TICKET_CHANGE_RETENTION_MS) and moves the horizon.
 * Cuts by id at the first change to keep, so the kept changes stay a contiguous tail of ids. Safe to run from several
 * processes at once; run it every hour or so.
 */
export async function pruneTicketChanges(prisma: PrismaClient, options: { olderThan: Date }): Promise<PruneResult> {
  return prisma.$transaction(async (tx) => {
    const cut = await tx.$queryRaw<{ first_kept: bigint | null; last: bigint | null }[]>`
      SELECT (SELECT id FROM ticket_change WHERE at >= ${options.olderThan} ORDER BY id LIMIT 1) AS first_kept,
             (SELECT max(id) FROM ticket_change) AS last`;
    const firstKept = cut[0]?.first_kept ?? null;
    const last = cut[0]?.last ?? null;
    const through = firstKept === null ? (last ?? 0n) : firstKept - 1n;
    const pruned = await tx.$executeRaw`DELETE FROM ticket_change WHERE id <= ${through}`;
    const horizon = await tx.$queryRaw<{ pruned_through: bigint }[]>`
      INSERT INTO ticket_change_horizon (id, pruned_through) VALUES (1, ${through})
      ON CONFLICT (id) DO UPDATE
        SET pruned_through = GREATEST(ticket_change_horizon.pruned_through, EXCLUDED.pruned_through)
      RETURNING pruned_through`;
    return { pruned, prunedThrough: Number(horizon[0]?.pruned_through ?? through) };
  });
}

/** The guild's changes after `afterId`, oldest first, at most `limit`. */
export async function readTicketChanges(
  prisma: PrismaClient,
  guildId: string,
  afterId: number,
  limit: number,
): Promise<TicketChange[]> {
  const rows = await prisma.$queryRaw<(Omit<TicketChange, 'id'> & { id: bigint })[]>`
    SELECT c.id, c.guild_id AS "guildId", c.ticket_id AS "ticketId", t.creator_id AS "creatorId",
           c.kind::text AS kind, c.subject_id AS "subjectId", c.at
      FROM ticket_change c
      LEFT JOIN ticket t ON t.guild_id = c.guild_id AND t.id = c.ticket_id
     WHERE c.guild_id = ${guildId} AND c.id > ${afterId}
     ORDER BY c.id
     LIMIT ${limit}`;
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
