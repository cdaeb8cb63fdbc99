import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBillingNotice } from '../../../store/entitlements/billing-notices.ts';
import { grantManualEntitlement } from '../../../store/entitlements/manual-entitlements.ts';
import { grantProviderEntitlement } from '../../../store/entitlements/provider-entitlements.ts';
import { startWebSystem, type WebSystem } from '../support/web-system.ts';

/** A server's billing view through the real route: what its admins see, from the entitlement store as it is. */
let system: WebSystem;
let owner: string;
let guildA: string;

beforeAll(async () => {
  system = await startWebSystem();
  owner = (await system.signIn(system.userId(system.guildA, 'owner'))).cookie;
  guildA = system.guildA.guild.id;
});

afterAll(async () => {
  await system?.close();
});

type View = {
  plan: string;
  limits: { ticketsPerMonth: number | null; ticketTypes: number; transcriptRetentionDays: number };
  usage: { ticketsOpened: number; ticketTypes: number; monthStart: string; monthEnd: string };
  grants: { source: string; plan: string; endsAt: string | null; subscription: { status: string } | null }[];
  notices: { id: string; kind: string }[];
  unlocks: Record<string, string | null>;
  providers: string[];
};

async function view(guildId = guildA, cookie = owner): Promise<Response> {
  return system.request(`/api/v1/guilds/${guildId}/billing`, { cookie });
}

async function viewOf(guildId = guildA): Promise<View> {
  const response = await view(guildId);
  expect(response.status).toBe(200);
  return (await response.json()) as View;
}

describe('the billing view', () => {
  it('shows a new server on Free: its limits, this month’s usage, what unlocks each feature, no provider', async () => {
    const billing = await viewOf();
    expect(billing).toMatchObject({
      plan: 'free',
      limits: { ticketsPerMonth: 50, ticketTypes: 3, transcriptRetentionDays: 7 },
      usage: { ticketsOpened: 0, ticketTypes: 1 },
      grants: [],
      notices: [],
      unlocks: { stats: 'pro', exports: 'pro', customBot: 'enterprise', customDomain: 'enterprise' },
      providers: [],
    });
    const month = new Date();
    expect(billing.usage.monthStart).toBe(
      new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1)).toISOString(),
    );
  });

  it('is for the server’s admins only: staff are refused, other servers are not found', async () => {
    const staff = (await system.signIn(system.userId(system.guildA, 'sam'))).cookie;
    expect((await view(guildA, staff)).status).toBe(403);
    expect((await view(system.guildB.guild.id)).status).toBe(404);
  });

  it('shows the entitlements giving the plan, with the subscription each mirrors', async () => {
    const now = Date.now();
    await grantProviderEntitlement(system.db.prisma, {
      subscription: {
        provider: 'stripe',
        subscriptionId: 'sub_billing_view',
        customerId: 'cus_1',
        holder: { kind: 'guild', guildId: guildA },
        plan: 'pro',
        status: 'canceled_at_period_end',
        currentPeriodStart: now - 1000,
        currentPeriodEnd: now + 10 * 24 * 3600 * 1000,
        trialEnd: null,
        paymentFailedAt: null,
        endedAt: null,
        price: { amountMinor: 900, currency: 'EUR', interval: 'month' },
      },
      grantsUntil: now + 10 * 24 * 3600 * 1000,
    });
    await grantManualEntitlement(system.db.prisma, {
      holder: { kind: 'guild', guildId: guildA },
      plan: 'enterprise',
      endsAt: new Date(now + 3 * 24 * 3600 * 1000),
      reason: 'Trial of enterprise',
      operatorId: system.operatorId,
    });
    const billing = await viewOf();
    expect(billing.plan).toBe('enterprise');
    expect(billing.limits.ticketsPerMonth).toBeNull();
    expect(billing.grants.map((grant) => [grant.plan, grant.source, grant.subscription?.status ?? null])).toEqual([
      ['enterprise', 'manual', null],
      ['pro', 'stripe', 'canceled_at_period_end'],
    ]);
  });

  it('shows billing notices until an admin dismisses one; another server’s notice is not found', async () => {
    const { notice } = await recordBillingNotice(system.db.prisma, {
      key: 'payment_failed:sub_billing_view:1',
      guildId: guildA,
      kind: 'payment_failed',
      plan: 'pro',
      at: new Date(),
    });
    const { notice: otherNotice } = await recordBillingNotice(system.db.prisma, {
      key: 'plan_ended:other:1',
      guildId: system.guildB.guild.id,
      kind: 'plan_ended',
      plan: 'pro',
      at: new Date(),
    });
    expect((await viewOf()).notices).toEqual([expect.objectContaining({ id: notice.id, kind: 'payment_failed' })]);

    const dismiss = (id: string) =>
      system.request(`/api/v1/guilds/${guildA}/billing/notices/${id}/dismiss`, { method: 'POST', cookie: owner });
    expect((await dismiss(otherNotice.id)).status).toBe(404);
    expect((await dismiss(notice.id)).status).toBe(204);
    expect((await dismiss(notice.id)).status).toBe(204);
    expect((await viewOf()).notices).toEqual([]);
    const untouched = await system.db.prisma.billingNotice.findUniqueOrThrow({ where: { id: otherNotice.id } });
    expect(untouched.dismissedAt).toBeNull();
  });
});
