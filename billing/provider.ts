import type { PlanId } from '../domain/plans.ts';
import type { BillingProviderName, ProviderEvent, ProviderSubscription } from '../domain/subscription.ts';

/** What a buyer is sent to: a provider's checkout or approval page, or its account-management page. */
export interface RedirectLink {
  url: string;
}

export interface CheckoutRequest {
  plan: Exclude<PlanId, 'free'>;
  /** The guild the plan is bought for; Patreon pledges belong to the user instead and are assigned later. */
  guildId: string | null;
  /** The Discord user buying, kept on the provider's object so the entitlement knows its buyer. */
  userId: string;
  /** Where the provider sends the buyer back after paying, and after giving up. */
  returnUrl: string;
  cancelUrl: string;
}

/**
 * One payment provider behind the same small interface (issue 9): the web process starts checkouts and verifies
 * webhooks with it, the subscription workflow's activities fetch and cancel with it. Every call goes to the
 * provider's configured base URL: the real API in production, its local stand-in in the demo and tests.
 */
export interface BillingProvider {
  readonly name: BillingProviderName;
  startCheckout(request: CheckoutRequest): Promise<RedirectLink>;
  manageLink(input: { subscriptionId: string; returnUrl: string }): Promise<RedirectLink>;
  /** Idempotent: cancelling an already cancelled subscription succeeds. */
  cancel(input: { subscriptionId: string; atPeriodEnd: boolean }): Promise<void>;
  /** The provider's current object, normalised; null when the provider has no such subscription. */
  fetchSubscription(subscriptionId: string): Promise<ProviderSubscription | null>;
  /**
   * Checks a webhook's signature over its raw body and reads it. Throws WebhookRefused when the signature, the
   * timestamp or the body is wrong; returns null for a well-signed event of a type that has nothing to do with
   * subscriptions, which the route acknowledges without doing anything.
   */
  verifyWebhook(input: {
    rawBody: Buffer;
    headers: Record<string, string | string[] | undefined>;
  }): Promise<ProviderEvent | null>;
}

/** Why a webhook was not accepted, as the refused-webhooks log records it. */
export type WebhookRefusalReason = 'missing_signature' | 'bad_signature' | 'stale_timestamp' | 'malformed_body';

export class WebhookRefused extends Error {
  readonly reason: WebhookRefusalReason;

  constructor(reason: WebhookRefusalReason, message: string) {
    super(message);
    this.name = 'WebhookRefused';
    this.reason = reason;
  }
}
