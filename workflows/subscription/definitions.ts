import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { PlanId } from '../../domain/plans.ts';
import type {
  BillingProviderName,
  EntitlementHolder,
  ProviderEvent,
  ProviderSubscription,
  SubscriptionStatus,
} from '../../domain/subscription.ts';

/** A verified webhook, or a checkout return, about this subscription: the workflow refetches and applies it. */
export const providerEventSignal = defineSignal<[ProviderEvent]>('providerEvent');

export interface SubscriptionView {
  provider: BillingProviderName;
  subscriptionId: string;
  status: SubscriptionStatus | 'unknown';
  plan: PlanId | null;
  holder: EntitlementHolder | null;
  currentPeriodEnd: number | null;
  graceEndsAt: number | null;
}
export const subscriptionStateQuery = defineQuery<SubscriptionView>('subscriptionState');

/** How long a subscription is given after events the provider does not settle at once. Durations in ms. */
export interface SubscriptionPolicy {
  /** A failed payment keeps the entitlement this long after the failure, for the provider's retries to succeed. */
  gracePeriodMs: number;
  /** The guild is warned this long before the grace period runs out. */
  graceWarningMs: number;
  /** The provider is asked for the subscription at least this often, to correct drift from lost webhooks. */
  reconcileEveryMs: number;
}

/** The entitlement as this workflow last granted or ended it through the activities. */
export type MirroredEntitlement =
  | { state: 'granted'; plan: PlanId; holder: EntitlementHolder; grantsUntil: number }
  | { state: 'ended'; endedAt: number };

/** What a subscription workflow knows; continue-as-new carries it to the next run. */
export interface SubscriptionMirror {
  /** The provider's object as last fetched and applied; null before the first fetch. */
  applied: ProviderSubscription | null;
  /** Event ids already taken, newest last, bounded: a redelivery of one of them changes nothing. */
  seenEventIds: string[];
  /** When the grace period of the unpaid failed payment ends; null while paid up. */
  graceEndsAt: number | null;
  warnedGraceEnding: boolean;
  entitlement: MirroredEntitlement | null;
  /** When the provider was last asked; deadlines up to then are handled. */
  checkedAt: number | null;
  /** The subscription is over for good and its entitlement ended: the workflow completes. */
  ended: boolean;
}

export interface SubscriptionWorkflowInput {
  provider: BillingProviderName;
  subscriptionId: string;
  /** Operator settings; each one left out takes its default (workflows/subscription/policy.ts). */
  policy?: Partial<SubscriptionPolicy>;
  /** Carried across continue-as-new: what was applied and which events were already seen. */
  carried?: SubscriptionMirror;
}

/** What the guild is told about its subscription, in Discord (its admins) and in the panel. */
export type BillingNoticeKind = 'payment_failed' | 'grace_ending' | 'plan_ended' | 'payment_recovered';

/** Every side effect of a subscription workflow; each idempotent under retries. */
export interface SubscriptionActivities {
  /** The provider's current object; null when it has none (never created, or deleted). */
  fetchProviderSubscription(input: {
    provider: BillingProviderName;
    subscriptionId: string;
  }): Promise<ProviderSubscription | null>;
  /**
   * Creates or updates the entitlement that comes from this subscription (keyed by provider and subscription id):
   * holder, plan and until when it grants. Also records the subscription's mirror row for the panel. Audited.
   */
  grantEntitlement(input: { subscription: ProviderSubscription; grantsUntil: number }): Promise<void>;
  /** Ends the subscription's entitlement at `endedAt`; an entitlement that already ends sooner keeps its end. Audited. */
  endEntitlement(input: {
    provider: BillingProviderName;
    subscriptionId: string;
    endedAt: number;
    reason: string;
  }): Promise<void>;
  /** Tells the holder's guilds: a message to their admins and a notice the panel shows. Keyed, so sent once. */
  notifyBilling(input: {
    key: string;
    kind: BillingNoticeKind;
    holder: EntitlementHolder;
    plan: PlanId;
    at: number;
  }): Promise<void>;
}
