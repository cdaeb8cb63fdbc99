import {
  type BillingPlan,
  IntervalUnit,
  type Subscription,
  SubscriptionStatus,
  TenureType,
} from '@paypal/paypal-server-sdk';
import type { PlanId } from '../../domain/plans.ts';
import type { ProviderSubscription } from '../../domain/subscription.ts';
import { decodePayPalCustomId } from './paypal-custom-id.ts';
import { paypalAmountInMinorUnits } from './paypal-money.ts';

/** What one regular billing cycle of a PayPal plan costs, and how long it is. */
export interface PayPalPlanTerms {
  price: ProviderSubscription['price'];
}

/** The regular cycle's price and length; Ticketflow sells monthly or yearly plans only. */
export function paypalPlanTerms(billingPlan: BillingPlan): PayPalPlanTerms {
  const regular = billingPlan.billingCycles?.find((cycle) => cycle.tenureType === TenureType.Regular);
  const fixedPrice = regular?.pricingScheme?.fixedPrice;
  if (!regular || !fixedPrice) throw new Error(`PayPal plan ${billingPlan.id} has no regular cycle with a fixed price`);
  const { intervalUnit, intervalCount = 1 } = regular.frequency;
  if (intervalCount !== 1 || (intervalUnit !== IntervalUnit.Month && intervalUnit !== IntervalUnit.Year)) {
    throw new Error(
      `PayPal plan ${billingPlan.id} bills every ${intervalCount} ${intervalUnit}: sell monthly or yearly`,
    );
  }
  return {
    price: {
      amountMinor: paypalAmountInMinorUnits(fixedPrice),
      currency: fixedPrice.currencyCode,
      interval: intervalUnit === IntervalUnit.Month ? 'month' : 'year',
    },
  };
}

/**
 * PayPal's subscription as the workflow mirrors it. A subscription still waiting for the buyer (APPROVAL_PENDING,
 * or APPROVED and not yet activated) is null: nothing has been agreed to bill, so there is nothing to mirror yet,
 * and its ACTIVATED webhook starts the mirror. PayPal stops billing at once when cancelled, but what was paid stays
 * paid: a cancelled subscription grants until one interval after its last payment (`canceled_at_period_end`), then
 * it has ended. ACTIVE with unpaid failed payments, and SUSPENDED (by PayPal after too many failures, or by us),
 * are past due from the last failure (or the suspension).
 */
export function normalisePayPalSubscription(input: {
  subscription: Subscription;
  plan: PlanId;
  terms: PayPalPlanTerms;
  now: number;
}): ProviderSubscription | null {
  const { subscription, plan, terms, now } = input;
  const status = subscription.status;
  if (!status || status === SubscriptionStatus.ApprovalPending || status === SubscriptionStatus.Approved) return null;
  const buyer = decodePayPalCustomId(subscription.customId);
  if (!buyer) throw new Error(`PayPal subscription ${subscription.id} was not created by Ticketflow (no custom_id)`);
  const billing = subscription.billingInfo;
  const interval = terms.price.interval;
  const startedAt = requiredTime(subscription.startTime ?? subscription.createTime, 'start_time');
  const statusChangedAt = optionalTime(subscription.statusUpdateTime) ?? startedAt;
  const lastPaidAt = optionalTime(billing?.lastPayment?.time);
  const inTrial =
    billing?.cycleExecutions?.some(
      (cycle) => cycle.tenureType === TenureType.Trial && (cycle.cyclesRemaining ?? 0) > 0,
    ) ?? false;
  const periodStart = inTrial ? startedAt : (lastPaidAt ?? startedAt);
  const periodEnd = optionalTime(billing?.nextBillingTime) ?? addInterval(periodStart, interval);
  const paymentFailedAt =
    billing && billing.failedPaymentsCount > 0
      ? (optionalTime(billing.lastFailedPayment?.time) ?? statusChangedAt)
      : null;
  const base = {
    provider: 'paypal' as const,
    subscriptionId: requiredId(subscription.id),
    customerId: subscription.subscriber?.payerId ?? null,
    holder: buyer.guildId
      ? { kind: 'guild' as const, guildId: buyer.guildId }
      : { kind: 'user' as const, userId: buyer.userId },
    plan,
    currentPeriodStart: periodStart,
    currentPeriodEnd: periodEnd,
    trialEnd: inTrial ? periodEnd : null,
    paymentFailedAt,
    endedAt: null,
    price: terms.price,
  };
  switch (status) {
    case SubscriptionStatus.Active:
      return { ...base, status: paymentFailedAt !== null ? 'past_due' : inTrial ? 'trialing' : 'active' };
    case SubscriptionStatus.Suspended:
      return { ...base, status: 'past_due', paymentFailedAt: paymentFailedAt ?? statusChangedAt };
    case SubscriptionStatus.Cancelled: {
      const paidThrough = lastPaidAt === null ? null : addInterval(lastPaidAt, interval);
      if (paidThrough !== null && paidThrough > now) {
        return {
          ...base,
          status: 'canceled_at_period_end',
          currentPeriodStart: lastPaidAt ?? periodStart,
          currentPeriodEnd: paidThrough,
          trialEnd: null,
        };
      }
      const endedAt = paidThrough ?? statusChangedAt;
      return { ...base, status: 'ended', currentPeriodEnd: endedAt, trialEnd: null, endedAt };
    }
    case SubscriptionStatus.Expired:
      return { ...base, status: 'ended', currentPeriodEnd: statusChangedAt, trialEnd: null, endedAt: statusChangedAt };
  }
}

function addInterval(at: number, interval: 'month' | 'year'): number {
  const date = new Date(at);
  if (interval === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.getTime();
}

function optionalTime(value: string | undefined): number | null {
  if (value === undefined) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new Error(`PayPal sent ${JSON.stringify(value)} where a time belongs`);
  return time;
}

function requiredTime(value: string | undefined, field: string): number {
  const time = optionalTime(value);
  if (time === null) throw new Error(`PayPal subscription has no ${field}`);
  return time;
}

function requiredId(id: string | undefined): string {
  if (!id) throw new Error('PayPal subscription has no id');
  return id;
}
