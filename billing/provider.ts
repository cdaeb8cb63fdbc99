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
  /**
   * Where the provider sends the buyer back after paying (the web's `/billing/return/<provider>`), and after giving
   * up. The provider adds to `returnUrl` what its completeCheckout reads (Stripe: `session_id={CHECKOUT_SESSION_ID}`).
   */
  returnUrl: string;
  cancelUrl: string;
}

/** A checkout the provider confirms as completed: the subscription it created, for whom. */
export interface CompletedCheckout {
  /** The provider's id of the checkout (Stripe's Checkout Session, PayPal's approval): a reload brings the same. */
  checkoutId: string;
  subscriptionId: string;
  /** The guild it was bought for, as the provider's object records it; null for a user's (Patreon) pledge. */
  guildId: string | null;
}

/**
 * One payment provider behind the same small interface (issue 9): the web process starts checkouts and verifies
 * webhooks with it, the subscription workflow's activities fetch and cancel with it. Every call goes to the
 * provider's configured base URL: the real API in production, its local stand-in in the demo and tests.
 */
export interface BillingProvider {
  readonly name: BillingProviderName;
  startCheckout(request: CheckoutRequest): Promise<RedirectLink>;
  /**
   * Reads the buyer's return from checkout: `query` is the return URL's query as the provider sent the buyer back
   * with it. The answer comes from the provider, never from the query alone (anyone can open the return URL); null
   * when the provider does not know the checkout or it has not completed (abandoned, payment not yet taken).
   */
  completeCheckout(query: Record<string, string>): Promise<CompletedCheckout | null>;
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
