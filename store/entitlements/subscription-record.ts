import type { PlanId } from '../../domain/plans.ts';
import type { BillingProviderName, EntitlementHolder, SubscriptionStatus } from '../../domain/subscription.ts';
import { Prisma, type Subscription } from '../../prisma/client.ts';
import { holderOf } from './entitlement-record.ts';

/** A subscription as the provider last described it (the mirror), for the admin pages. */
export interface SubscriptionRecord {
  provider: BillingProviderName;
  subscriptionId: string;
  customerId: string | null;
  holder: EntitlementHolder;
  plan: PlanId;
  status: SubscriptionStatus;
  startedAt: Date;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  trialEnd: Date | null;
  paymentFailedAt: Date | null;
  price: { amountMinor: number; currency: string; interval: 'month' | 'year' };
  /** What it brings a month, in minor units: a yearly price divided by 12. */
  monthlyAmountMinor: number;
  canceledAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The subscription table's columns named as the Prisma model names them, for raw queries. */
export const SUBSCRIPTION_COLUMNS = Prisma.raw(
  [
    'provider',
    'subscription_id AS "subscriptionId"',
    'customer_id AS "customerId"',
    'guild_id AS "guildId"',
    'user_id AS "userId"',
    'plan',
    'status',
    'started_at AS "startedAt"',
    'current_period_start AS "currentPeriodStart"',
    'current_period_end AS "currentPeriodEnd"',
    'trial_end AS "trialEnd"',
    'payment_failed_at AS "paymentFailedAt"',
    'price_amount_minor AS "priceAmountMinor"',
    'price_currency AS "priceCurrency"',
    'price_interval AS "priceInterval"',
    'canceled_at AS "canceledAt"',
    'ended_at AS "endedAt"',
    'created_at AS "createdAt"',
    'updated_at AS "updatedAt"',
  ].join(', '),
);

export function toSubscriptionRecord(row: Subscription): SubscriptionRecord {
  return {
    provider: row.provider,
    subscriptionId: row.subscriptionId,
    customerId: row.customerId,
    holder: holderOf(row),
    plan: row.plan,
    status: row.status,
    startedAt: row.startedAt,
    currentPeriodStart: row.currentPeriodStart,
    currentPeriodEnd: row.currentPeriodEnd,
    trialEnd: row.trialEnd,
    paymentFailedAt: row.paymentFailedAt,
    price: { amountMinor: row.priceAmountMinor, currency: row.priceCurrency, interval: row.priceInterval },
    monthlyAmountMinor: row.priceInterval === 'year' ? row.priceAmountMinor / 12 : row.priceAmountMinor,
    canceledAt: row.canceledAt,
    endedAt: row.endedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
