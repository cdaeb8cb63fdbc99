import { z } from 'zod';
import type { PlanPeriod } from '../../domain/plan-limits.ts';
import { type PlanId, planIdSchema } from '../../domain/plans.ts';
import { Prisma, type PrismaClient } from '../../prisma/client.ts';
import { checkGuildIds } from './parse-input.ts';

/**
 * The spans in which a guild held each plan, for retention (domain/plan-limits.ts retentionDays): every entitlement
 * it holds or held, or was ever assigned (its own rows, its assignments, and the audit log for those since moved or
 * unassigned), that grants at some time after `since`, oldest first. Free is implied, never listed. An entitlement's
 * row is changed in place, so when its plan changed is read from its audit log: each plan holds from the audit row
 * that set it until the next change, within the entitlement's span as it stands. A user's entitlement counts for its
 * whole span, even past the plan's guild count or outside its assignment: for retention, keeping a transcript too
 * long is the safe error, deleting it before a plan's promise is not.
 */
export async function guildPlanPeriods(
  prisma: PrismaClient,
  guildId: string,
  since: Date = new Date(0),
): Promise<PlanPeriod[]> {
  checkGuildIds([guildId], 'guild plan history');
  const entitlementIds = (await prisma.$queryRaw<{ id: string }[]>(relatedEntitlementsStatement(guildId))).map(
    (row) => row.id,
  );
  if (entitlementIds.length === 0) return [];
  const rows = await prisma.entitlement.findMany({
    where: { id: { in: entitlementIds } },
    include: { audits: { where: { action: { notIn: ['assign', 'unassign'] } }, orderBy: { id: 'asc' } } },
  });
  return rows
    .flatMap((row) => {
      const spanStart = row.startsAt.getTime();
      const spanEnd = row.endsAt?.getTime() ?? Number.POSITIVE_INFINITY;
      return planChanges(row).flatMap(({ plan, from }, index, changes) => {
        const startsAt = index === 0 ? spanStart : Math.max(spanStart, from);
        const endsAt = Math.min(spanEnd, changes[index + 1]?.from ?? Number.POSITIVE_INFINITY);
        return startsAt < endsAt ? [period(plan, startsAt, endsAt)] : [];
      });
    })
    .filter((held) => held.endsAt === null || held.endsAt > since.getTime())
    .sort((a, b) => a.startsAt - b.startsAt);
}

/** Entitlements the guild holds or held, or was ever given: by their rows, their assignments and their audit. */
function relatedEntitlementsStatement(guildId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT id FROM entitlement WHERE guild_id = ${guildId}
    UNION SELECT entitlement_id FROM entitlement_guild_assignment WHERE guild_id = ${guildId}
    UNION SELECT entitlement_id FROM entitlement_audit
           WHERE after -> 'holder' ->> 'guildId' = ${guildId}
              OR before -> 'holder' ->> 'guildId' = ${guildId}
              OR after ->> 'guildId' = ${guildId}
              OR before ->> 'guildId' = ${guildId}`;
}

/** The plan an audit row's snapshot (entitlement-record.ts auditSnapshot) says the entitlement had after the change. */
const snapshotPlan = z.object({ plan: planIdSchema });

/**
 * The entitlement's plans in order, each from the audit row that set it; the row's own plan closes the list. A
 * snapshot that cannot be read fails the caller: nothing is deleted on a history it does not understand.
 */
function planChanges(row: {
  plan: PlanId;
  updatedAt: Date;
  audits: { after: Prisma.JsonValue; at: Date }[];
}): { plan: PlanId; from: number }[] {
  const changes: { plan: PlanId; from: number }[] = [];
  const add = (plan: PlanId, from: number) => {
    if (changes.at(-1)?.plan !== plan) changes.push({ plan, from });
  };
  for (const audit of row.audits) add(snapshotPlan.parse(audit.after).plan, audit.at.getTime());
  add(row.plan, row.updatedAt.getTime());
  return changes;
}

function period(plan: PlanId, startsAt: number, endsAt: number): PlanPeriod {
  return { plan, startsAt, endsAt: Number.isFinite(endsAt) ? endsAt : null };
}
