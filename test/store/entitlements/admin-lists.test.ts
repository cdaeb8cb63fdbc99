import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import { listEntitlements } from '../../../store/entitlements/entitlement-list.ts';
import { assignEntitlementToGuild } from '../../../store/entitlements/guild-assignments.ts';
import { listGuildPlans } from '../../../store/entitlements/guild-plan-list.ts';
import { grantManualEntitlement } from '../../../store/entitlements/manual-entitlements.ts';
import { grantProviderEntitlement } from '../../../store/entitlements/provider-entitlements.ts';
import { listSubscriptions } from '../../../store/entitlements/subscription-list.ts';
import { InputError } from '../../../store/input-error.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { DAY, GUILD_A, GUILD_B, GUILD_C, OPERATOR, stripeSubscription, T0, USER_A } from './fixtures.ts';

let database: TestDatabase;
const now = new Date(T0 + 2 * DAY);
let patreonEntitlementId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { prisma } = database;
  // Seven Stripe subscriptions of guild A (every other one enterprise), one PayPal of guild B, one Patreon of user A.
  for (let index = 1; index <= 7; index++) {
    await grantProviderEntitlement(
      prisma,
      {
        subscription: stripeSubscription({
          subscriptionId: `sub_${index}`,
          plan: index % 2 === 0 ? 'enterprise' : 'pro',
        }),
        grantsUntil: T0 + 30 * DAY,
      },
      now,
    );
  }
  await grantProviderEntitlement(
    prisma,
    {
      subscription: stripeSubscription({
        provider: 'paypal',
        subscriptionId: 'I-PAYPAL1',
        holder: { kind: 'guild', guildId: GUILD_B },
        status: 'past_due',
      }),
      grantsUntil: T0 + 33 * DAY,
    },
    now,
  );
  const patreon = await grantProviderEntitlement(
    prisma,
    {
      subscription: stripeSubscription({
        provider: 'patreon',
        subscriptionId: 'member_9',
        holder: { kind: 'user', userId: USER_A },
        plan: 'enterprise',
      }),
      grantsUntil: T0 + 30 * DAY,
    },
    now,
  );
  patreonEntitlementId = patreon.entitlement.id;
  await assignEntitlementToGuild(
    prisma,
    DEFAULT_PLANS,
    { entitlementId: patreonEntitlementId, guildId: GUILD_C, actorId: USER_A },
    now,
  );
  await grantManualEntitlement(
    prisma,
    {
      holder: { kind: 'guild', guildId: GUILD_B },
      plan: 'pro',
      startsAt: new Date(T0 + 10 * DAY),
      endsAt: null,
      reason: 'sponsor',
      operatorId: OPERATOR,
    },
    now,
  );
});

afterAll(async () => {
  await database?.cleanup();
});

describe('admin lists', () => {
  it('pages subscriptions newest first by keyset, each once, and filters them', async () => {
    const { prisma } = database;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSubscriptions(prisma, { limit: 4, cursor });
      seen.push(...page.subscriptions.map((subscription) => `${subscription.provider}:${subscription.subscriptionId}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
    expect(seen[0]).toBe('patreon:member_9');

    const enterprise = await listSubscriptions(prisma, { provider: 'stripe', plan: 'enterprise' });
    expect(enterprise.subscriptions.map((subscription) => subscription.subscriptionId).sort()).toEqual([
      'sub_2',
      'sub_4',
      'sub_6',
    ]);
    const pastDue = await listSubscriptions(prisma, { status: 'past_due' });
    expect(pastDue.subscriptions).toMatchObject([
      {
        provider: 'paypal',
        holder: { kind: 'guild', guildId: GUILD_B },
        monthlyAmountMinor: 900,
        price: { currency: 'USD' },
      },
    ]);
    expect((await listSubscriptions(prisma, { user: USER_A })).subscriptions).toHaveLength(1);
    expect((await listSubscriptions(prisma, { guild: GUILD_B })).subscriptions).toHaveLength(1);
  });

  it('pages entitlements and filters by source, status and guild, assignments included', async () => {
    const { prisma } = database;
    const first = await listEntitlements(prisma, { limit: 6 }, now);
    const second = await listEntitlements(prisma, { limit: 6, cursor: first.nextCursor ?? undefined }, now);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.entitlements, ...second.entitlements].map((entitlement) => entitlement.id);
    expect(new Set(ids).size).toBe(10);

    const upcoming = await listEntitlements(prisma, { status: 'upcoming' }, now);
    expect(upcoming.entitlements.map((entitlement) => entitlement.source)).toEqual(['manual']);
    const guildC = await listEntitlements(prisma, { guild: GUILD_C }, now);
    expect(guildC.entitlements).toMatchObject([{ id: patreonEntitlementId, assignedGuildIds: [GUILD_C] }]);
    const guildB = await listEntitlements(prisma, { guild: GUILD_B, source: 'paypal', status: 'active' }, now);
    expect(guildB.entitlements).toHaveLength(1);
    expect((await listEntitlements(prisma, { status: 'ended' }, new Date(T0 + 31 * DAY))).entitlements).toHaveLength(8);
  });

  it('lists every known guild with its plan and this month’s usage', async () => {
    const page = await listGuildPlans(database.prisma, DEFAULT_PLANS, { limit: 2 }, now);
    expect(page.guilds.map((guild) => [guild.guildId, guild.plan, guild.usage.ticketsOpened])).toEqual([
      [GUILD_A, 'enterprise', 0],
      [GUILD_B, 'pro', 0],
    ]);
    const rest = await listGuildPlans(database.prisma, DEFAULT_PLANS, { limit: 2, cursor: page.nextCursor ?? '' }, now);
    expect(rest.guilds.map((guild) => [guild.guildId, guild.plan, guild.grants[0]?.via])).toEqual([
      [GUILD_C, 'enterprise', 'assignment'],
    ]);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses unknown filters, bad values and another list’s cursor by name', async () => {
    const { prisma } = database;
    const subscriptions = await listSubscriptions(prisma, { limit: 1 });
    const problems = await listEntitlements(prisma, {
      source: 'bitcoin' as 'manual',
      limit: 500,
      cursor: subscriptions.nextCursor ?? '',
    }).catch((error: InputError) => error.problems);
    expect(problems).toMatchObject([{ path: 'source' }, { path: 'limit' }]);
    const cursorProblems = await listEntitlements(prisma, { cursor: subscriptions.nextCursor ?? '' }).catch(
      (error: InputError) => error.problems,
    );
    expect(cursorProblems).toEqual([
      {
        path: 'cursor',
        message:
          'was issued for the ordering subscriptions:created:desc, not entitlements:created:desc; start again without a cursor',
      },
    ]);
    await expect(listSubscriptions(prisma, { colour: 'red' } as never)).rejects.toBeInstanceOf(InputError);
  });
});
