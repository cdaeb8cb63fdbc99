import { bestPlan, type PlanCatalogue, type PlanId, type PlanLimits, planRank } from '../../domain/plans.ts';
import type { PrismaClient, Subscription } from '../../prisma/client.ts';
import { type EntitlementRecord, toEntitlementRecord } from './entitlement-record.ts';
import { checkGuildIds } from './parse-input.ts';
import { type SubscriptionRecord, toSubscriptionRecord } from './subscription-record.ts';

/** An entitlement that gives a guild its plan: its own, or a user's assigned to it. */
export interface GuildGrant {
  entitlement: EntitlementRecord;
  via: 'guild' | 'assignment';
  /** The provider subscription it comes from, as last mirrored (status, period end, price); null for a manual grant. */
  subscription: SubscriptionRecord | null;
}

export interface GuildPlan {
  guildId: string;
  /** The best plan of the active grants; `free` when there are none. */
  plan: PlanId;
  limits: PlanLimits;
  /** The active grants, best plan first, then the longest-lasting: what the billing page lists. */
  grants: GuildGrant[];
}

/** A guild's effective plan at `at`. */
export async function guildPlan(
  prisma: PrismaClient,
  catalogue: PlanCatalogue,
  guildId: string,
  at: Date = new Date(),
): Promise<GuildPlan> {
  const plans = await guildPlans(prisma, catalogue, [guildId], at);
  const plan = plans.get(guildId);
  if (!plan) throw new Error(`guildPlans returned nothing for ${guildId}`);
  return plan;
}

/**
 * The effective plans of several guilds at `at`, in two queries whatever their number. A user's entitlement grants
 * only the first guildsPerEntitlement guilds it was assigned to (by assignment time), so after a downgrade to a plan
 * with fewer guilds, the latest assignments stop granting until the holder unassigns some.
 */
export async function guildPlans(
  prisma: PrismaClient,
  catalogue: PlanCatalogue,
  guildIds: readonly string[],
  at: Date = new Date(),
): Promise<Map<string, GuildPlan>> {
  checkGuildIds(guildIds, 'guild plan query');
  const active = { startsAt: { lte: at }, OR: [{ endsAt: null }, { endsAt: { gt: at } }] };
  const [held, assignedEntitlements] = await Promise.all([
    prisma.entitlement.findMany({
      where: { guildId: { in: [...guildIds] }, ...active },
      include: { subscription: true },
    }),
    prisma.entitlement.findMany({
      where: { userId: { not: null }, assignments: { some: { guildId: { in: [...guildIds] } } }, ...active },
      include: {
        subscription: true,
        assignments: { orderBy: [{ assignedAt: 'asc' }, { guildId: 'asc' }], select: { guildId: true } },
      },
    }),
  ]);
  const grants = new Map<string, GuildGrant[]>(guildIds.map((guildId) => [guildId, []]));
  for (const { subscription, ...row } of held) {
    const grant = {
      entitlement: toEntitlementRecord(row),
      via: 'guild' as const,
      subscription: mirrored(subscription),
    };
    if (row.guildId) grants.get(row.guildId)?.push(grant);
  }
  for (const { assignments, subscription, ...row } of assignedEntitlements) {
    const granting = assignments.slice(0, catalogue[row.plan].guildsPerEntitlement);
    for (const { guildId } of granting) {
      grants.get(guildId)?.push({
        entitlement: toEntitlementRecord(row),
        via: 'assignment',
        subscription: mirrored(subscription),
      });
    }
  }
  return new Map(
    [...grants].map(([guildId, list]) => {
      list.sort(byBestThenLongest);
      const plan = bestPlan(list.map((grant) => grant.entitlement.plan));
      return [guildId, { guildId, plan, limits: catalogue[plan], grants: list }];
    }),
  );
}

function mirrored(subscription: Subscription | null): SubscriptionRecord | null {
  return subscription ? toSubscriptionRecord(subscription) : null;
}

function byBestThenLongest(a: GuildGrant, b: GuildGrant): number {
  const rank = planRank(b.entitlement.plan) - planRank(a.entitlement.plan);
  if (rank !== 0) return rank;
  const end = (grant: GuildGrant) => grant.entitlement.endsAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return end(b) - end(a) || a.entitlement.id.localeCompare(b.entitlement.id);
}
