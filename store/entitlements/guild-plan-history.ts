import type { PlanPeriod } from '../../domain/plan-limits.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { checkGuildIds } from './parse-input.ts';

/**
 * The spans in which a guild held each plan, for retention (domain/plan-limits.ts retentionDays): every entitlement
 * it holds or is assigned, whatever its state, that grants at some time after `since`. Free is implied, never listed.
 * A user's entitlement counts for its whole span, even past the plan's guild count or before its assignment: for
 * retention, keeping a transcript too long is the safe error, deleting it before a plan's promise is not.
 */
export async function guildPlanPeriods(
  prisma: PrismaClient,
  guildId: string,
  since: Date = new Date(0),
): Promise<PlanPeriod[]> {
  checkGuildIds([guildId], 'guild plan history');
  const rows = await prisma.entitlement.findMany({
    where: {
      OR: [{ guildId }, { assignments: { some: { guildId } } }],
      AND: [{ OR: [{ endsAt: null }, { endsAt: { gt: since } }] }],
    },
    select: { plan: true, startsAt: true, endsAt: true },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  return rows
    .filter((row) => row.endsAt === null || row.endsAt > row.startsAt)
    .map((row) => ({ plan: row.plan, startsAt: row.startsAt.getTime(), endsAt: row.endsAt?.getTime() ?? null }));
}
