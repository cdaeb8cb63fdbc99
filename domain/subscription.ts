import type { PlanId } from './plans.ts';

/** Who charges. Every provider subscription is mirrored by one subscription workflow. */
export const BILLING_PROVIDERS = ['stripe', 'paypal', 'patreon'] as const;
export type BillingProviderName = (typeof BILLING_PROVIDERS)[number];

/** Where an entitlement comes from: a provider's subscription, or an operator's grant. */
export const ENTITLEMENT_SOURCES = [...BILLING_PROVIDERS, 'manual'] as const;
export type EntitlementSource = (typeof ENTITLEMENT_SOURCES)[number];

/**
 * A subscription's state as the workflow mirrors it. `canceled_at_period_end` still grants until the period ends;
 * `past_due` grants until the grace period after the failed payment runs out; `ended` grants nothing, for good.
 */
export const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'past_due', 'canceled_at_period_end', 'ended'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** Who an entitlement belongs to: a guild directly, or a user who assigns it to guilds (Patreon pledges). */
export type EntitlementHolder = { kind: 'guild'; guildId: string } | { kind: 'user'; userId: string };

/**
 * The provider's current view of one subscription, normalised: what a provider client's fetch returns and what the
 * workflow applies. Times are epoch milliseconds. The workflow trusts this, never an event's snapshot.
 */
export interface ProviderSubscription {
  provider: BillingProviderName;
  subscriptionId: string;
  customerId: string | null;
  holder: EntitlementHolder;
  plan: PlanId;
  status: SubscriptionStatus;
  currentPeriodStart: number;
  currentPeriodEnd: number;
  trialEnd: number | null;
  /** When the last payment failed, while it is still unpaid; null when paid up. */
  paymentFailedAt: number | null;
  endedAt: number | null;
  /** What one period costs, for revenue: minor units (cents) and ISO currency, per `interval`. */
  price: { amountMinor: number; currency: string; interval: 'month' | 'year' };
}

/** One webhook delivery after its signature checked out: enough to find the workflow and deduplicate. */
export interface ProviderEvent {
  provider: BillingProviderName;
  /** The provider's own event id: a redelivery carries the same one. */
  eventId: string;
  /** The provider's event type, e.g. `customer.subscription.updated`. */
  type: string;
  subscriptionId: string;
  occurredAt: number;
}

/** One workflow per provider subscription, so a redelivered or early webhook finds the same one. */
export function subscriptionWorkflowId(provider: BillingProviderName, subscriptionId: string): string {
  return `subscription:${provider}:${subscriptionId}`;
}
