import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionDays } from '../../../domain/plan-limits.ts';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import { assignEntitlementToGuild } from '../../../store/entitlements/guild-assignments.ts';
import { guildPlanPeriods } from '../../../store/entitlements/guild-plan-history.ts';
import { grantManualEntitlement, revokeManualEntitlement } from '../../../store/entitlements/manual-entitlements.ts';
import { endProviderEntitlement, grantProviderEntitlement } from '../../../store/entitlements/provider-entitlements.ts';
import { InputError } from '../../../store/input-error.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { DAY, GUILD_A, GUILD_B, OPERATOR, stripeSubscription, T0, USER_A } from './fixtures.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.cleanup();
});

describe('guildPlanPeriods', () => {
  it('lists every plan the guild held or was assigned, ended ones too, for retention', async () => {
    const { prisma } = database;
    // Enterprise from Stripe for 30 days, cancelled on day 20; then a user's pro assigned from day 25; and a manual
    // grant revoked the moment it began, which granted nothing.
    await grantProviderEntitlement(
      prisma,
      { subscription: stripeSubscription({ plan: 'enterprise' }), grantsUntil: T0 + 30 * DAY },
      new Date(T0),
    );
    await endProviderEntitlement(
      prisma,
      { provider: 'stripe', subscriptionId: 'sub_1', endedAt: T0 + 20 * DAY, reason: 'canceled' },
      new Date(T0 + 20 * DAY),
    );
    const patron = await grantManualEntitlement(
      prisma,
      {
        holder: { kind: 'user', userId: USER_A },
        plan: 'pro',
        startsAt: new Date(T0 + 25 * DAY),
        endsAt: null,
        reason: 'patron',
        operatorId: OPERATOR,
      },
      new Date(T0 + 20 * DAY),
    );
    await assignEntitlementToGuild(
      prisma,
      DEFAULT_PLANS,
      { entitlementId: patron.entitlement.id, guildId: GUILD_A, actorId: USER_A },
      new Date(T0 + 20 * DAY),
    );
    const nothing = await grantManualEntitlement(
      prisma,
      {
        holder: { kind: 'guild', guildId: GUILD_A },
        plan: 'pro',
        endsAt: null,
        reason: 'mistake',
        operatorId: OPERATOR,
      },
      new Date(T0 + 21 * DAY),
    );
    await revokeManualEntitlement(
      prisma,
      { entitlementId: nothing.entitlement.id, reason: 'granted by mistake', operatorId: OPERATOR },
      new Date(T0 + 21 * DAY),
    );

    const periods = await guildPlanPeriods(prisma, GUILD_A);
    expect(periods).toEqual([
      { plan: 'enterprise', startsAt: T0, endsAt: T0 + 20 * DAY },
      { plan: 'pro', startsAt: T0 + 25 * DAY, endsAt: null },
    ]);
    expect(await guildPlanPeriods(prisma, GUILD_A, new Date(T0 + 20 * DAY))).toEqual([periods[1]]);
    expect(await guildPlanPeriods(prisma, GUILD_B)).toEqual([]);
    // A ticket closed on day 10 was closed under enterprise: it keeps enterprise's retention after the downgrade.
    expect(retentionDays(T0 + 10 * DAY, T0 + 100 * DAY, periods, DEFAULT_PLANS)).toBe(365);
    await expect(guildPlanPeriods(prisma, 'x')).rejects.toBeInstanceOf(InputError);
  });
});
