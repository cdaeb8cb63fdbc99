import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEntitlementActivities,
  type EntitlementActivities,
  INVALID_ENTITLEMENT_INPUT,
} from '../../../activities/billing/entitlement-activities.ts';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import { listEntitlementAudit } from '../../../store/entitlements/entitlement-audit.ts';
import { guildPlan } from '../../../store/entitlements/guild-plan.ts';
import { DAY, GUILD_A, stripeSubscription, tableCounts } from '../../store/entitlements/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
let activities: EntitlementActivities;
const environment = new MockActivityEnvironment();

beforeAll(async () => {
  database = await createTestDatabase();
  activities = createEntitlementActivities(database.prisma);
});

afterAll(async () => {
  await database?.cleanup();
});

/** Periods around the real clock: the activities take `now` from it, as in production. */
const start = Date.now() - DAY;

describe('entitlement activities', () => {
  it('grant, retried grant, renewal and end leave one entitlement with three audit rows', async () => {
    const { prisma } = database;
    const subscription = stripeSubscription({
      subscriptionId: 'sub_activity',
      currentPeriodStart: start,
      currentPeriodEnd: start + 30 * DAY,
    });
    const grant = { subscription, grantsUntil: start + 30 * DAY };
    await environment.run(activities.grantEntitlement, grant);
    await environment.run(activities.grantEntitlement, grant);
    expect((await guildPlan(prisma, DEFAULT_PLANS, GUILD_A)).plan).toBe('pro');

    const renewed = { ...subscription, currentPeriodStart: start + 30 * DAY, currentPeriodEnd: start + 60 * DAY };
    await environment.run(activities.grantEntitlement, { subscription: renewed, grantsUntil: start + 60 * DAY });

    const endedAt = Date.now() - 1000;
    const end = { provider: 'stripe' as const, subscriptionId: 'sub_activity', endedAt, reason: 'canceled now' };
    await environment.run(activities.endEntitlement, end);
    // Retried, and asked later than it now ends: the end stays.
    await environment.run(activities.endEntitlement, end);
    await environment.run(activities.endEntitlement, { ...end, endedAt: endedAt + 10 * DAY });

    const entitlement = await prisma.entitlement.findUniqueOrThrow({
      where: {
        subscriptionProvider_subscriptionId: { subscriptionProvider: 'stripe', subscriptionId: 'sub_activity' },
      },
    });
    expect(entitlement.endsAt).toEqual(new Date(endedAt));
    expect((await listEntitlementAudit(prisma, entitlement.id)).map((row) => row.action)).toEqual([
      'grant',
      'extend',
      'end',
    ]);
    expect((await guildPlan(prisma, DEFAULT_PLANS, GUILD_A)).plan).toBe('free');
    expect(await prisma.subscription.count({ where: { subscriptionId: 'sub_activity', status: 'ended' } })).toBe(1);
  });

  it('fails for good on input the store refuses, writing nothing', async () => {
    const { prisma } = database;
    const before = await tableCounts(prisma);
    const failure = await environment
      .run(activities.grantEntitlement, {
        subscription: stripeSubscription({ subscriptionId: 'sub_bad', holder: { kind: 'guild', guildId: 'nope' } }),
        grantsUntil: start,
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true, type: INVALID_ENTITLEMENT_INPUT });
    expect((failure as ApplicationFailure).message).toContain('subscription.holder.guildId');
    expect(await tableCounts(prisma)).toEqual(before);
  });
});
