import type { ProviderSubscription } from '../../../domain/subscription.ts';
import type { PrismaClient } from '../../../prisma/client.ts';

export const GUILD_A = '100000000000000001';
export const GUILD_B = '100000000000000002';
export const GUILD_C = '100000000000000003';
export const USER_A = '200000000000000001';
export const USER_B = '200000000000000002';
export const OPERATOR = '300000000000000001';

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 10, 1);

/** A Stripe subscription of guild A on pro, monthly at 9.00 USD, in its first period from T0. */
export function stripeSubscription(overrides: Partial<ProviderSubscription> = {}): ProviderSubscription {
  return {
    provider: 'stripe',
    subscriptionId: 'sub_1',
    customerId: 'cus_1',
    holder: { kind: 'guild', guildId: GUILD_A },
    plan: 'pro',
    status: 'active',
    currentPeriodStart: T0,
    currentPeriodEnd: T0 + 30 * DAY,
    trialEnd: null,
    paymentFailedAt: null,
    endedAt: null,
    price: { amountMinor: 900, currency: 'usd', interval: 'month' },
    ...overrides,
  };
}

/** Every row of the subscription tables, to prove a refused call wrote nothing. */
export interface TableCounts {
  entitlements: number;
  audits: number;
  assignments: number;
  subscriptions: number;
  notices: number;
}

export async function tableCounts(prisma: PrismaClient): Promise<TableCounts> {
  const [entitlements, audits, assignments, subscriptions, notices] = await Promise.all([
    prisma.entitlement.count(),
    prisma.entitlementAudit.count(),
    prisma.entitlementGuildAssignment.count(),
    prisma.subscription.count(),
    prisma.billingNotice.count(),
  ]);
  return { entitlements, audits, assignments, subscriptions, notices };
}
