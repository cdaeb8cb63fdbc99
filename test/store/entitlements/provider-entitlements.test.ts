import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import { Prisma } from '../../../prisma/client.ts';
import { listEntitlementAudit } from '../../../store/entitlements/entitlement-audit.ts';
import { assignEntitlementToGuild } from '../../../store/entitlements/guild-assignments.ts';
import { endProviderEntitlement, grantProviderEntitlement } from '../../../store/entitlements/provider-entitlements.ts';
import { InputError } from '../../../store/input-error.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { DAY, GUILD_A, GUILD_B, stripeSubscription, T0, tableCounts, USER_A, USER_B } from './fixtures.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.cleanup();
});

const now = new Date(T0 + DAY);

describe('grantProviderEntitlement', () => {
  it('creates the entitlement, its mirror and one audit row; the same call again writes nothing', async () => {
    const { prisma } = database;
    const input = { subscription: stripeSubscription({ subscriptionId: 'sub_grant' }), grantsUntil: T0 + 30 * DAY };
    const first = await grantProviderEntitlement(prisma, input, now);
    expect(first.action).toBe('grant');
    expect(first.entitlement).toMatchObject({
      holder: { kind: 'guild', guildId: GUILD_A },
      plan: 'pro',
      source: 'stripe',
      subscription: { provider: 'stripe', subscriptionId: 'sub_grant' },
      startsAt: new Date(T0),
      endsAt: new Date(T0 + 30 * DAY),
      endedReason: null,
      createdBy: 'system:stripe',
    });
    const mirror = await prisma.subscription.findUniqueOrThrow({
      where: { provider_subscriptionId: { provider: 'stripe', subscriptionId: 'sub_grant' } },
    });
    expect(mirror).toMatchObject({
      guildId: GUILD_A,
      userId: null,
      plan: 'pro',
      status: 'active',
      startedAt: new Date(T0),
      currentPeriodEnd: new Date(T0 + 30 * DAY),
      priceAmountMinor: 900,
      priceCurrency: 'USD',
      priceInterval: 'month',
      canceledAt: null,
      endedAt: null,
    });

    const again = await grantProviderEntitlement(prisma, input, new Date(now.getTime() + 1000));
    expect(again).toEqual({ entitlement: first.entitlement, action: null });
    expect(await prisma.entitlement.count({ where: { subscriptionId: 'sub_grant' } })).toBe(1);
    const audit = await listEntitlementAudit(prisma, first.entitlement.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'grant', actor: 'system:stripe', before: null });
    expect(audit[0]?.reason).toContain('sub_grant is active on pro');
    const mirrorAgain = await prisma.subscription.findUniqueOrThrow({
      where: { provider_subscriptionId: { provider: 'stripe', subscriptionId: 'sub_grant' } },
    });
    expect(mirrorAgain.updatedAt).toEqual(mirror.updatedAt);
  });

  it('audits a renewal as extend, an upgrade as plan_change and a shorter period as shorten, once each', async () => {
    const { prisma } = database;
    const subscription = stripeSubscription({ subscriptionId: 'sub_changes' });
    const { entitlement } = await grantProviderEntitlement(prisma, { subscription, grantsUntil: T0 + 30 * DAY }, now);
    const renewed = { ...subscription, currentPeriodStart: T0 + 30 * DAY, currentPeriodEnd: T0 + 60 * DAY };
    for (let attempt = 0; attempt < 2; attempt++) {
      await grantProviderEntitlement(prisma, { subscription: renewed, grantsUntil: T0 + 60 * DAY }, now);
    }
    const upgraded = { ...renewed, plan: 'enterprise' as const, price: { ...renewed.price, amountMinor: 4900 } };
    await grantProviderEntitlement(prisma, { subscription: upgraded, grantsUntil: T0 + 60 * DAY }, now);
    const shortened = await grantProviderEntitlement(
      prisma,
      { subscription: { ...upgraded, currentPeriodEnd: T0 + 45 * DAY }, grantsUntil: T0 + 45 * DAY },
      now,
    );
    expect(shortened.entitlement).toMatchObject({ plan: 'enterprise', endsAt: new Date(T0 + 45 * DAY) });

    const audit = await listEntitlementAudit(prisma, entitlement.id);
    expect(audit.map((row) => row.action)).toEqual(['grant', 'extend', 'plan_change', 'shorten']);
    expect(audit[2]?.before).toMatchObject({ plan: 'pro', endsAt: new Date(T0 + 60 * DAY).toISOString() });
    expect(audit[2]?.after).toMatchObject({ plan: 'enterprise' });
    const mirror = await prisma.subscription.findUniqueOrThrow({
      where: { provider_subscriptionId: { provider: 'stripe', subscriptionId: 'sub_changes' } },
    });
    expect(mirror).toMatchObject({ plan: 'enterprise', priceAmountMinor: 4900, startedAt: new Date(T0) });
  });

  it('mirrors a cancellation at period end with the time it was first seen, and clears it on resume', async () => {
    const { prisma } = database;
    const subscription = stripeSubscription({ subscriptionId: 'sub_cancel' });
    const key = { provider_subscriptionId: { provider: 'stripe' as const, subscriptionId: 'sub_cancel' } };
    await grantProviderEntitlement(prisma, { subscription, grantsUntil: T0 + 30 * DAY }, now);
    const canceled = { ...subscription, status: 'canceled_at_period_end' as const };
    await grantProviderEntitlement(prisma, { subscription: canceled, grantsUntil: T0 + 30 * DAY }, now);
    await grantProviderEntitlement(
      prisma,
      { subscription: canceled, grantsUntil: T0 + 30 * DAY },
      new Date(T0 + 2 * DAY),
    );
    expect((await prisma.subscription.findUniqueOrThrow({ where: key })).canceledAt).toEqual(now);
    await grantProviderEntitlement(prisma, { subscription, grantsUntil: T0 + 30 * DAY }, now);
    expect(await prisma.subscription.findUniqueOrThrow({ where: key })).toMatchObject({
      status: 'active',
      canceledAt: null,
    });
  });

  it('refuses bad input with every problem named, writing nothing', async () => {
    const { prisma } = database;
    const before = await tableCounts(prisma);
    const bad = stripeSubscription({
      subscriptionId: '',
      holder: { kind: 'guild', guildId: 'not-a-guild' },
      currentPeriodEnd: T0 - DAY,
      price: { amountMinor: -5, currency: 'dollars', interval: 'month' },
    });
    const refusal = await grantProviderEntitlement(prisma, { subscription: bad, grantsUntil: Number.NaN }, now).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(InputError);
    expect((refusal as InputError).problems.map((problem) => problem.path).sort()).toEqual([
      'grantsUntil',
      'subscription.currentPeriodEnd',
      'subscription.holder.guildId',
      'subscription.price.amountMinor',
      'subscription.price.currency',
      'subscription.subscriptionId',
    ]);
    expect(await tableCounts(prisma)).toEqual(before);
  });

  it('writes one entitlement and one audit row when the same grant runs five times at once', async () => {
    const { prisma } = database;
    const input = { subscription: stripeSubscription({ subscriptionId: 'sub_race' }), grantsUntil: T0 + 30 * DAY };
    const results = await Promise.all(Array.from({ length: 5 }, () => grantProviderEntitlement(prisma, input, now)));
    expect(results.filter((result) => result.action === 'grant')).toHaveLength(1);
    expect(new Set(results.map((result) => result.entitlement.id)).size).toBe(1);
    expect(await prisma.entitlementAudit.count({ where: { entitlementId: results[0]?.entitlement.id } })).toBe(1);
  });

  it('moves the entitlement to a new holder without the old holder’s guild assignments', async () => {
    const { prisma } = database;
    const subscription = stripeSubscription({
      provider: 'patreon',
      subscriptionId: 'member_1',
      holder: { kind: 'user', userId: USER_A },
    });
    const { entitlement } = await grantProviderEntitlement(prisma, { subscription, grantsUntil: T0 + 30 * DAY }, now);
    await assignEntitlementToGuild(
      prisma,
      DEFAULT_PLANS,
      { entitlementId: entitlement.id, guildId: GUILD_B, actorId: USER_A },
      now,
    );
    const moved = await grantProviderEntitlement(
      prisma,
      { subscription: { ...subscription, holder: { kind: 'user', userId: USER_B } }, grantsUntil: T0 + 30 * DAY },
      now,
    );
    expect(moved.action).toBe('grant');
    expect(moved.entitlement.holder).toEqual({ kind: 'user', userId: USER_B });
    expect(await prisma.entitlementGuildAssignment.count({ where: { entitlementId: entitlement.id } })).toBe(0);
    const audit = await listEntitlementAudit(prisma, entitlement.id);
    expect(audit.map((row) => [row.action, row.actor])).toEqual([
      ['grant', 'system:patreon'],
      ['assign', `manual:${USER_A}`],
      ['unassign', 'system:patreon'],
      ['grant', 'system:patreon'],
    ]);
  });
});

describe('endProviderEntitlement', () => {
  it('ends at the time asked, never later than the entitlement already ends, and only once', async () => {
    const { prisma } = database;
    const subscription = stripeSubscription({ subscriptionId: 'sub_end' });
    const { entitlement } = await grantProviderEntitlement(prisma, { subscription, grantsUntil: T0 + 30 * DAY }, now);
    const ended = await endProviderEntitlement(
      prisma,
      { provider: 'stripe', subscriptionId: 'sub_end', endedAt: T0 + 10 * DAY, reason: 'grace period ran out' },
      new Date(T0 + 10 * DAY),
    );
    expect(ended).toMatchObject({
      action: 'end',
      entitlement: { endsAt: new Date(T0 + 10 * DAY), endedReason: 'grace period ran out' },
    });
    // Asked to end later than it already ends, and asked again: neither moves it nor audits.
    for (const endedAt of [T0 + 20 * DAY, T0 + 10 * DAY]) {
      const again = await endProviderEntitlement(
        prisma,
        { provider: 'stripe', subscriptionId: 'sub_end', endedAt, reason: 'subscription deleted' },
        new Date(T0 + 20 * DAY),
      );
      expect(again).toMatchObject({ action: null, entitlement: { endsAt: new Date(T0 + 10 * DAY) } });
    }
    expect((await listEntitlementAudit(prisma, entitlement.id)).map((row) => row.action)).toEqual(['grant', 'end']);
    const mirror = await prisma.subscription.findUniqueOrThrow({
      where: { provider_subscriptionId: { provider: 'stripe', subscriptionId: 'sub_end' } },
    });
    expect(mirror).toMatchObject({ status: 'ended', endedAt: new Date(T0 + 10 * DAY) });
  });

  it('ends earlier than granted when asked, and a later grant past now opens it again', async () => {
    const { prisma } = database;
    const subscription = stripeSubscription({ subscriptionId: 'sub_reopen' });
    await grantProviderEntitlement(prisma, { subscription, grantsUntil: T0 + 30 * DAY }, now);
    await endProviderEntitlement(
      prisma,
      { provider: 'stripe', subscriptionId: 'sub_reopen', endedAt: T0 + 2 * DAY, reason: 'canceled' },
      new Date(T0 + 2 * DAY),
    );
    // A late grant about the past opens nothing and moves no end, whether it ends where the end is or after it.
    for (const grantsUntil of [T0 + 2 * DAY, T0 + 3 * DAY - 1]) {
      const stale = await grantProviderEntitlement(prisma, { subscription, grantsUntil }, new Date(T0 + 3 * DAY));
      expect(stale).toMatchObject({
        action: null,
        entitlement: { endsAt: new Date(T0 + 2 * DAY), endedReason: 'canceled' },
      });
    }
    const reopened = await grantProviderEntitlement(
      prisma,
      {
        subscription: { ...subscription, currentPeriodStart: T0 + 3 * DAY, currentPeriodEnd: T0 + 33 * DAY },
        grantsUntil: T0 + 33 * DAY,
      },
      new Date(T0 + 3 * DAY),
    );
    expect(reopened).toMatchObject({
      action: 'grant',
      entitlement: { endsAt: new Date(T0 + 33 * DAY), endedReason: null },
    });
  });

  it('returns null for a subscription that never had an entitlement, writing nothing', async () => {
    const { prisma } = database;
    const before = await tableCounts(prisma);
    const result = await endProviderEntitlement(prisma, {
      provider: 'paypal',
      subscriptionId: 'I-NEVER',
      endedAt: T0,
      reason: 'ended',
    });
    expect(result).toBeNull();
    expect(await tableCounts(prisma)).toEqual(before);
  });

  it('refuses a blank reason and an unknown provider, writing nothing', async () => {
    const { prisma } = database;
    const before = await tableCounts(prisma);
    const refusal = await endProviderEntitlement(prisma, {
      provider: 'venmo' as 'stripe',
      subscriptionId: 'sub_end',
      endedAt: T0,
      reason: '  ',
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InputError);
    expect((refusal as InputError).problems.map((problem) => problem.path).sort()).toEqual(['provider', 'reason']);
    expect(await tableCounts(prisma)).toEqual(before);
  });
});

describe('the audit log', () => {
  it('refuses updates, deletes and truncation', async () => {
    const { prisma } = database;
    const count = await prisma.entitlementAudit.count();
    expect(count).toBeGreaterThan(0);
    await expect(prisma.$executeRaw`UPDATE entitlement_audit SET reason = 'edited'`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM entitlement_audit`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw(Prisma.sql`TRUNCATE entitlement_audit CASCADE`)).rejects.toThrow(/append-only/);
    expect(await prisma.entitlementAudit.count()).toBe(count);
  });
});
