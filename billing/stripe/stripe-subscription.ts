import type Stripe from 'stripe';
import type { StripeConfig } from '../../config/billing/stripe-config.ts';
import type { PlanId } from '../../domain/plans.ts';
import type { EntitlementHolder, ProviderSubscription, SubscriptionStatus } from '../../domain/subscription.ts';

/** A Stripe subscription Ticketflow cannot read as one of its own: a price it does not sell, no buyer in metadata. */
export class UnreadableStripeSubscription extends Error {
  constructor(subscriptionId: string, problem: string) {
    super(`Stripe subscription ${subscriptionId} ${problem}`);
    this.name = 'UnreadableStripeSubscription';
  }
}

function millis(seconds: number): number {
  return seconds * 1000;
}

function idOf(value: string | { id: string } | null): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

function planOf(subscription: Stripe.Subscription, prices: StripeConfig['prices'], priceId: string): PlanId {
  if (priceId === prices.pro) return 'pro';
  if (priceId === prices.enterprise) return 'enterprise';
  throw new UnreadableStripeSubscription(
    subscription.id,
    `is for price ${priceId}, which is neither STRIPE_PRICE_PRO nor STRIPE_PRICE_ENTERPRISE`,
  );
}

/** The buyer Ticketflow put on the subscription's metadata at checkout: the guild, or the user when no guild. */
function holderOf(subscription: Stripe.Subscription): EntitlementHolder {
  const { guildId, userId } = subscription.metadata;
  if (guildId) return { kind: 'guild', guildId };
  if (userId) return { kind: 'user', userId };
  throw new UnreadableStripeSubscription(subscription.id, 'has neither guildId nor userId in its metadata');
}

/**
 * When the unpaid invoice's payment first failed. Stripe records no failure time on the invoice; a subscription's
 * invoice is finalized and charged in the same step, so its finalization is the first attempt, and the grace period
 * runs from there however many retries follow. The trial's end stands in for a trial that ended with no way to pay.
 */
function paymentFailedAt(subscription: Stripe.Subscription, periodStart: number): number {
  const invoice = subscription.latest_invoice;
  if (invoice && typeof invoice === 'object' && invoice.status !== 'paid') {
    return millis(invoice.status_transitions.finalized_at ?? invoice.created);
  }
  return millis(subscription.trial_end ?? periodStart);
}

function statusOf(subscription: Stripe.Subscription, periodEnd: number): SubscriptionStatus {
  switch (subscription.status) {
    case 'canceled':
    case 'incomplete_expired':
      return 'ended';
    // Unpaid and still able to pay: `incomplete` is a first payment awaiting action, `paused` a trial that ended
    // with no payment method; both leave the buyer the same grace as a failed renewal.
    case 'past_due':
    case 'unpaid':
    case 'incomplete':
    case 'paused':
      return 'past_due';
    case 'trialing':
    case 'active': {
      // The portal cancels at period end by setting cancel_at to it; the API's flag says the same.
      const endsThisPeriod =
        subscription.cancel_at_period_end || (subscription.cancel_at !== null && subscription.cancel_at <= periodEnd);
      if (endsThisPeriod) return 'canceled_at_period_end';
      return subscription.status === 'trialing' ? 'trialing' : 'active';
    }
    default:
      throw new UnreadableStripeSubscription(
        subscription.id,
        `has status ${subscription.status}, unknown to Ticketflow`,
      );
  }
}

/**
 * Stripe's subscription (fetched with `latest_invoice` expanded) as the workflow mirrors it. Since API version
 * 2025-03-31 the billing period lives on the subscription's items; Ticketflow sells one item per subscription.
 */
export function normaliseStripeSubscription(
  subscription: Stripe.Subscription,
  prices: StripeConfig['prices'],
): ProviderSubscription {
  const [item, ...others] = subscription.items.data;
  if (!item || others.length > 0) {
    throw new UnreadableStripeSubscription(subscription.id, `has ${subscription.items.data.length} items, not one`);
  }
  const { price } = item;
  const recurring = price.recurring;
  const interval = recurring?.interval === 'month' ? 'month' : recurring?.interval === 'year' ? 'year' : null;
  if (interval === null || recurring?.interval_count !== 1) {
    throw new UnreadableStripeSubscription(
      subscription.id,
      `bills every ${recurring?.interval_count} ${recurring?.interval}, not every month or year`,
    );
  }
  const status = statusOf(subscription, item.current_period_end);
  return {
    provider: 'stripe',
    subscriptionId: subscription.id,
    customerId: idOf(subscription.customer),
    holder: holderOf(subscription),
    plan: planOf(subscription, prices, price.id),
    status,
    currentPeriodStart: millis(item.current_period_start),
    currentPeriodEnd: millis(item.current_period_end),
    trialEnd: subscription.trial_end === null ? null : millis(subscription.trial_end),
    paymentFailedAt: status === 'past_due' ? paymentFailedAt(subscription, item.current_period_start) : null,
    endedAt:
      status === 'ended' ? millis(subscription.ended_at ?? subscription.canceled_at ?? subscription.created) : null,
    price: {
      amountMinor: (price.unit_amount ?? 0) * (item.quantity ?? 1),
      currency: price.currency.toUpperCase(),
      interval,
    },
  };
}
