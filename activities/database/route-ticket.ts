import { z } from 'zod';
import { availableStaff, leastLoaded, nextInTurn, type RosterEntry, routingModeSchema } from '../../domain/routing.ts';
import { snowflake } from '../../domain/snowflake.ts';
import type { TicketActivities } from '../../domain/ticket.ts';
import type { Prisma, PrismaClient } from '../../prisma/client.ts';
import { rosterEntryOf } from '../../store/staff-roster.ts';
import { TRANSACTION_OPTIONS } from '../../store/transaction-options.ts';
import { parseInput } from './failures.ts';
import { lockTicket } from './lock-ticket.ts';

type RouteInput = Parameters<TicketActivities['routeTicket']>[0];

const routeInputSchema = z.object({
  guildId: snowflake,
  ticketId: z.string().min(1).max(64),
  typeKey: z.string().min(1).max(32),
  mode: routingModeSchema,
  staffRoleIds: z.array(snowflake).max(25),
  at: z.number().int().nonnegative(),
});

/**
 * Chooses a new ticket's assignee and sets it on the ticket's row, in one transaction that holds the type's
 * routing_turn row FOR UPDATE: concurrent opens of a type choose one after another, each seeing the last one's turn
 * and assignee (Read Committed reads what committed before the lock was granted). The choice is stored per ticket, so
 * a retry (even one racing the first attempt, which waits for the same lock) answers the same.
 */
export async function routeTicket(prisma: PrismaClient, input: RouteInput): Promise<{ assigneeId: string | null }> {
  const { guildId, ticketId, typeKey, mode, staffRoleIds, at } = parseInput(routeInputSchema, input, 'routing request');
  const choiceKey = { guildId_ticketId: { guildId, ticketId } };
  return prisma.$transaction(async (tx) => {
    await lockTicket(tx, { guildId, ticketId });
    await tx.routingTurn.createMany({ data: [{ guildId, typeKey }], skipDuplicates: true });
    const [turn] = await tx.$queryRaw<{ last_assignee_id: string | null }[]>`
      SELECT last_assignee_id FROM routing_turn WHERE guild_id = ${guildId} AND type_key = ${typeKey} FOR UPDATE`;
    const chosen = await tx.routingChoice.findUnique({ where: choiceKey });
    if (chosen) return { assigneeId: chosen.assigneeId };

    const roster = await tx.staffAvailability.findMany({ where: { guildId, roleIds: { hasSome: staffRoleIds } } });
    const candidates = availableStaff(roster.map(rosterEntryOf), staffRoleIds, at);
    const lastChosen = turn?.last_assignee_id ?? null;
    const assigneeId =
      mode === 'round_robin'
        ? nextInTurn(candidates, lastChosen)
        : mode === 'least_open'
          ? leastLoaded(candidates, await openTicketCounts(tx, guildId, candidates), lastChosen)
          : null;
    await tx.routingChoice.create({ data: { guildId, ticketId, mode, assigneeId, chosenAt: new Date(at) } });
    if (assigneeId !== null) {
      await tx.routingTurn.update({
        where: { guildId_typeKey: { guildId, typeKey } },
        data: { lastAssigneeId: assigneeId },
      });
      await tx.ticket.update({ where: { guildId_id: { guildId, id: ticketId } }, data: { assigneeId } });
    }
    return { assigneeId };
  }, TRANSACTION_OPTIONS);
}

/** Open tickets per candidate across the guild's types (index ticket(guild_id, assignee_id, status)). */
async function openTicketCounts(
  tx: Prisma.TransactionClient,
  guildId: string,
  candidates: readonly RosterEntry['userId'][],
): Promise<Map<string, number>> {
  if (candidates.length === 0) return new Map();
  const rows = await tx.ticket.groupBy({
    by: ['assigneeId'],
    where: { guildId, status: 'open', assigneeId: { in: [...candidates] } },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.assigneeId ?? '', row._count._all]));
}
