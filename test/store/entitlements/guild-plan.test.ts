import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS, type PlanCatalogue } from '../../../domain/plans.ts';
import { listEntitlementAudit } from '../../../store/entitlements/entitlement-audit.ts';
import {
  assignEntitlementToGuild,
  holderGuildIds,
  unassignEntitlementFromGuild,
} from '../../../store/entitlements/guild-assignments.ts';
import { guildPlan, guildPlans } from '../../../store/entitlements/guild-plan.ts';
import { grantManualEntitlement } from '../../../store/entitlements/manual-entitlements.ts';
import { grantProviderEntitlement } from '../../../store/entitlements/provider-entitlements.ts';
import { InputError } from '../../../store/input-error.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { DAY, GUILD_A, GUILD_B, GUILD_C, OPERATOR, stripeSubscription, T0, tableCounts, USER_A } from './fixtures.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.cleanup();
});

const now = new Date(T0 + DAY);

describe('guildPlan', () => {
  it('is free with no entitlement, with the free limits', async () => {
    const plan = await guildPlan(database.prisma, DEFAULT_PLANS, '100000000000000900', now);
    expect(plan).toEqual({ guildId: '100000000000000900', plan: 'free', limits: DEFAULT_PLANS.free, grants: [] });
  });

  it('takes the best active entitlement, from starts_at inclusive to ends_at exclusive', async () => {
    const { prisma } = database;
    const guildId = '100000000000000901';
    const holder = { kind: 'guild' as const, guildId };
    await grantProviderEntitlement(
      prisma,
      { subscription: stripeSubscription({ subscriptionId: 'sub_best', holder }), grantsUntil: T0 + 30 * DAY },
      now,
    );
    await grantManualEntitlement(
      prisma,
      {
        holder,
        plan: 'enterprise',
        startsAt: new Date(T0 + 10 * DAY),
        endsAt: new Date(T0 + 20 * DAY),
        reason: 'event weekend',
        operatorId: OPERATOR,
      },
      now,
    );
    const at = (offset: number) => guildPlan(prisma, DEFAULT_PLANS, guildId, new Date(T0 + offset));
    expect((await at(T0 - T0 - 1)).plan).toBe('free');
    expect((await at(0)).plan).toBe('pro');
    expect((await at(10 * DAY - 1)).plan).toBe('pro');
    const both = await at(10 * DAY);
    expect(both.plan).toBe('enterprise');
    expect(both.limits).toBe(DEFAULT_PLANS.enterprise);
    expect(both.grants.map((grant) => [grant.entitlement.plan, grant.via])).toEqual([
      ['enterprise', 'guild'],
      ['pro', 'guild'],
    ]);
    // What the billing page says of each: a manual grant has no subscription, Stripe's has its period and price.
    expect(both.grants[0]?.subscription).toBeNull();
    expect(both.grants[1]?.subscription).toMatchObject({
      provider: 'stripe',
      subscriptionId: 'sub_best',
      status: 'active',
      currentPeriodEnd: new Date(T0 + 30 * DAY),
      price: { amountMinor: 900, currency: 'USD', interval: 'month' },
    });
    expect((await at(20 * DAY)).plan).toBe('pro');
    expect((await at(30 * DAY - 1)).plan).toBe('pro');
    expect((await at(30 * DAY)).plan).toBe('free');
  });

  it('counts a user’s entitlement for the guilds it is assigned to, up to the plan’s guild count', async () => {
    const { prisma } = database;
    const catalogue: PlanCatalogue = {
      ...DEFAULT_PLANS,
      enterprise: { ...DEFAULT_PLANS.enterprise, guildsPerEntitlement: 2 },
    };
    const subscription = stripeSubscription({
      provider: 'patreon',
      subscriptionId: 'member_assign',
      holder: { kind: 'user', userId: USER_A },
      plan: 'enterprise',
    });
    const { entitlement } = await grantProviderEntitlement(prisma, { subscription, grantsUntil: T0 + 30 * DAY }, now);
    const assign = (guildId: string, at = now) =>
      assignEntitlementToGuild(prisma, catalogue, { entitlementId: entitlement.id, guildId, actorId: USER_A }, at);
    expect(await assign(GUILD_A)).toEqual({ entitlementId: entitlement.id, guildId: GUILD_A, changed: true });
    expect((await assign(GUILD_A)).changed).toBe(false);
    await assign(GUILD_B, new Date(now.getTime() + 1000));

    const before = await tableCounts(prisma);
    const full = await assign(GUILD_C).catch((error: unknown) => error);
    expect(full).toBeInstanceOf(InputError);
    expect((full as InputError).problems).toEqual([
      {
        path: 'guildId',
        message: `cannot be added: this enterprise entitlement covers 2 guilds and is assigned to ${GUILD_A}, ${GUILD_B}; unassign one first`,
      },
    ]);
    expect(await tableCounts(prisma)).toEqual(before);

    const plans = await guildPlans(prisma, catalogue, [GUILD_A, GUILD_B, GUILD_C], now);
    expect([...plans.values()].map((plan) => [plan.guildId, plan.plan, plan.grants[0]?.via])).toEqual([
      [GUILD_A, 'enterprise', 'assignment'],
      [GUILD_B, 'enterprise', 'assignment'],
      [GUILD_C, 'free', undefined],
    ]);
    // A catalogue allowing fewer guilds (a downgrade, or an operator's change) keeps the earliest assignment only.
    const oneGuild = { ...catalogue, enterprise: { ...catalogue.enterprise, guildsPerEntitlement: 1 } };
    const narrower = await guildPlans(prisma, oneGuild, [GUILD_A, GUILD_B], now);
    expect([...narrower.values()].map((plan) => plan.plan)).toEqual(['enterprise', 'free']);
    expect(await holderGuildIds(prisma, { kind: 'user', userId: USER_A })).toEqual([GUILD_A, GUILD_B]);

    const unassigned = await unassignEntitlementFromGuild(prisma, {
      entitlementId: entitlement.id,
      guildId: GUILD_A,
      actorId: OPERATOR,
    });
    expect(unassigned.changed).toBe(true);
    expect(
      (
        await unassignEntitlementFromGuild(prisma, {
          entitlementId: entitlement.id,
          guildId: GUILD_A,
          actorId: OPERATOR,
        })
      ).changed,
    ).toBe(false);
    expect((await guildPlan(prisma, DEFAULT_PLANS, GUILD_B, now)).plan).toBe('enterprise');
    expect((await listEntitlementAudit(prisma, entitlement.id)).map((row) => `${row.action} ${row.actor}`)).toEqual([
      'grant system:patreon',
      `assign manual:${USER_A}`,
      `assign manual:${USER_A}`,
      `unassign manual:${OPERATOR}`,
    ]);
    // Ended, it grants no guild.
    expect((await guildPlan(prisma, DEFAULT_PLANS, GUILD_B, new Date(T0 + 30 * DAY))).plan).toBe('free');
  });

  it('refuses to assign a guild-held or ended entitlement, or a bad guild id', async () => {
    const { prisma } = database;
    const { entitlement } = await grantProviderEntitlement(
      prisma,
      { subscription: stripeSubscription({ subscriptionId: 'sub_guild_held' }), grantsUntil: T0 + 30 * DAY },
      now,
    );
    const before = await tableCounts(prisma);
    const attempt = (input: { entitlementId: string; guildId: string }, at = now) =>
      assignEntitlementToGuild(prisma, DEFAULT_PLANS, { ...input, actorId: OPERATOR }, at).catch(
        (error: InputError) => error.problems,
      );
    expect(await attempt({ entitlementId: entitlement.id, guildId: GUILD_B })).toEqual([
      { path: 'entitlementId', message: `is held by guild ${GUILD_A} itself; only a user's can be assigned` },
    ]);
    expect(await attempt({ entitlementId: entitlement.id, guildId: 'x' })).toEqual([
      { path: 'guildId', message: 'must be a Discord id (17 to 20 digits)' },
    ]);
    const userHeld = await grantManualEntitlement(
      prisma,
      {
        holder: { kind: 'user', userId: USER_A },
        plan: 'pro',
        endsAt: new Date(T0 + 3 * DAY),
        reason: 'short',
        operatorId: OPERATOR,
      },
      now,
    );
    const late = await attempt({ entitlementId: userHeld.entitlement.id, guildId: GUILD_B }, new Date(T0 + 4 * DAY));
    expect(late).toEqual([
      {
        path: 'entitlementId',
        message: `ended at ${new Date(T0 + 3 * DAY).toISOString()}; an ended entitlement grants nothing`,
      },
    ]);
    expect(await tableCounts(prisma)).toEqual({
      ...before,
      entitlements: before.entitlements + 1,
      audits: before.audits + 1,
    });
  });
});
