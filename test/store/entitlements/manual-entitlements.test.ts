import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import { listEntitlementAudit } from '../../../store/entitlements/entitlement-audit.ts';
import { guildPlan } from '../../../store/entitlements/guild-plan.ts';
import {
  extendManualEntitlement,
  grantManualEntitlement,
  revokeManualEntitlement,
} from '../../../store/entitlements/manual-entitlements.ts';
import { endProviderEntitlement, grantProviderEntitlement } from '../../../store/entitlements/provider-entitlements.ts';
import { InputError } from '../../../store/input-error.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { DAY, GUILD_A, GUILD_B, OPERATOR, stripeSubscription, T0, tableCounts } from './fixtures.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.cleanup();
});

const now = new Date(T0 + DAY);

async function refusal(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error;
}

describe('manual entitlements', () => {
  it('grants with the operator and reason audited; a retry with the same id writes nothing', async () => {
    const { prisma } = database;
    const id = randomUUID();
    const input = {
      entitlementId: id,
      holder: { kind: 'guild' as const, guildId: GUILD_B },
      plan: 'enterprise' as const,
      endsAt: new Date(T0 + 90 * DAY),
      reason: 'partner server, 90 days',
      operatorId: OPERATOR,
    };
    const first = await grantManualEntitlement(prisma, input, now);
    expect(first).toMatchObject({
      action: 'grant',
      entitlement: { id, source: 'manual', subscription: null, startsAt: now, createdBy: `manual:${OPERATOR}` },
    });
    const retry = await grantManualEntitlement(prisma, input, new Date(now.getTime() + 5000));
    expect(retry).toEqual({ entitlement: first.entitlement, action: null });
    expect(await listEntitlementAudit(prisma, id)).toMatchObject([
      { action: 'grant', actor: `manual:${OPERATOR}`, reason: 'partner server, 90 days' },
    ]);

    const raced = { ...input, entitlementId: randomUUID() };
    const results = await Promise.all(Array.from({ length: 4 }, () => grantManualEntitlement(prisma, raced, now)));
    expect(results.map((result) => result.action).sort()).toEqual(['grant', null, null, null]);
    expect(await listEntitlementAudit(prisma, raced.entitlementId)).toHaveLength(1);

    const reuse = await refusal(grantManualEntitlement(prisma, { ...input, plan: 'pro' }, now));
    expect(reuse.problems).toEqual([
      { path: 'entitlementId', message: 'already names another entitlement; a new grant needs a new id' },
    ]);
  });

  it('refuses bad grants with every problem named, writing nothing', async () => {
    const { prisma } = database;
    const before = await tableCounts(prisma);
    const error = await refusal(
      grantManualEntitlement(
        prisma,
        {
          holder: { kind: 'user', userId: '12' },
          plan: 'free' as 'pro',
          endsAt: new Date(T0),
          startsAt: new Date(T0 + DAY),
          reason: ' ',
          operatorId: 'someone',
        },
        now,
      ),
    );
    expect(error.problems.map((problem) => problem.path).sort()).toEqual([
      'holder.userId',
      'operatorId',
      'plan',
      'reason',
    ]);
    expect(error.problems.find((problem) => problem.path === 'plan')?.message).toBe(
      'must be a paid plan: pro or enterprise',
    );
    const past = await refusal(
      grantManualEntitlement(
        prisma,
        {
          holder: { kind: 'guild', guildId: GUILD_A },
          plan: 'pro',
          endsAt: new Date(T0),
          reason: 'why not',
          operatorId: OPERATOR,
        },
        now,
      ),
    );
    expect(past.problems).toEqual([{ path: 'endsAt', message: 'must be in the future' }]);
    const backwards = await refusal(
      grantManualEntitlement(
        prisma,
        {
          holder: { kind: 'guild', guildId: GUILD_A },
          plan: 'pro',
          startsAt: new Date(T0 + 9 * DAY),
          endsAt: new Date(T0 + 8 * DAY),
          reason: 'why not',
          operatorId: OPERATOR,
        },
        now,
      ),
    );
    expect(backwards.problems).toEqual([{ path: 'endsAt', message: 'must be later than startsAt' }]);
    expect(await tableCounts(prisma)).toEqual(before);
  });

  it('extends later only, revokes once, and refuses to change a provider’s entitlement', async () => {
    const { prisma } = database;
    const { entitlement } = await grantManualEntitlement(
      prisma,
      {
        holder: { kind: 'guild', guildId: GUILD_A },
        plan: 'pro',
        endsAt: new Date(T0 + 10 * DAY),
        reason: 'trial extension',
        operatorId: OPERATOR,
      },
      now,
    );
    const change = { entitlementId: entitlement.id, reason: 'asked on support', operatorId: OPERATOR };
    const extended = await extendManualEntitlement(prisma, { ...change, endsAt: new Date(T0 + 20 * DAY) }, now);
    expect(extended).toMatchObject({ action: 'extend', entitlement: { endsAt: new Date(T0 + 20 * DAY) } });
    const same = await extendManualEntitlement(prisma, { ...change, endsAt: new Date(T0 + 20 * DAY) }, now);
    expect(same.action).toBeNull();
    const earlier = await refusal(extendManualEntitlement(prisma, { ...change, endsAt: new Date(T0 + 5 * DAY) }, now));
    expect(earlier.problems[0]?.message).toContain('to end it sooner, revoke it');

    const revokedAt = new Date(T0 + 2 * DAY);
    const revoked = await revokeManualEntitlement(prisma, { ...change, reason: 'abuse' }, revokedAt);
    expect(revoked).toMatchObject({ action: 'revoke', entitlement: { endsAt: revokedAt, endedReason: 'abuse' } });
    expect((await revokeManualEntitlement(prisma, { ...change, reason: 'abuse' }, revokedAt)).action).toBeNull();
    expect((await listEntitlementAudit(prisma, entitlement.id)).map((row) => row.action)).toEqual([
      'grant',
      'extend',
      'revoke',
    ]);

    const provided = await grantProviderEntitlement(
      prisma,
      { subscription: stripeSubscription({ subscriptionId: 'sub_manual_refusal' }), grantsUntil: T0 + 30 * DAY },
      now,
    );
    const before = await tableCounts(prisma);
    const refused = await refusal(
      revokeManualEntitlement(prisma, { ...change, entitlementId: provided.entitlement.id }, now),
    );
    expect(refused.problems[0]?.message).toMatch(/^comes from a stripe subscription/);
    const unknown = await refusal(extendManualEntitlement(prisma, { ...change, entitlementId: 'nope', endsAt: null }));
    expect(unknown.problems).toEqual([{ path: 'entitlementId', message: 'is no entitlement' }]);
    expect(await tableCounts(prisma)).toEqual(before);
  });

  it('outlives the end of a provider subscription of the same guild', async () => {
    const { prisma } = database;
    const guildId = '100000000000000077';
    await grantProviderEntitlement(
      prisma,
      {
        subscription: stripeSubscription({
          subscriptionId: 'sub_outlived',
          holder: { kind: 'guild', guildId },
          plan: 'enterprise',
        }),
        grantsUntil: T0 + 30 * DAY,
      },
      now,
    );
    await grantManualEntitlement(
      prisma,
      {
        holder: { kind: 'guild', guildId },
        plan: 'pro',
        endsAt: null,
        reason: 'lifetime pro for a sponsor',
        operatorId: OPERATOR,
      },
      now,
    );
    expect((await guildPlan(prisma, DEFAULT_PLANS, guildId, now)).plan).toBe('enterprise');
    await endProviderEntitlement(
      prisma,
      { provider: 'stripe', subscriptionId: 'sub_outlived', endedAt: T0 + 5 * DAY, reason: 'canceled' },
      new Date(T0 + 5 * DAY),
    );
    const after = await guildPlan(prisma, DEFAULT_PLANS, guildId, new Date(T0 + 6 * DAY));
    expect(after.plan).toBe('pro');
    expect(after.grants.map((grant) => grant.entitlement.source)).toEqual(['manual']);
  });
});
