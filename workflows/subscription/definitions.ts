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

export interface SubscriptionWorkflowInput {
  provider: BillingProviderName;
  subscriptionId: string;
  /** Carried across continue-as-new: what was applied and which events were already seen. */
  carried?: {
    applied: ProviderSubscription | null;
    seenEventIds: string[];
    graceEndsAt: number | null;
    warnedGraceEnding: boolean;
  };
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
  /** Ends the subscription's entitlement at `endedAt` (never earlier than it already ends). Audited. */
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
