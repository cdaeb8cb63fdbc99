import type { BillingProvider, WebhookRefusalReason } from '../../../../billing/provider.ts';
import type { BillingProviderName } from '../../../../domain/subscription.ts';
import type { WebhookRequest } from './billing-web-system.ts';

/** A genuine delivery of a subscription event, and the event id the provider gave it. */
export interface SignedEvent {
  eventId: string;
  request: WebhookRequest;
}

/**
 * One provider's webhook deliveries as its servers make them (signed with the test's secret through the provider's
 * own test support), and the provider module configured with that secret against its local stand-in.
 */
export interface WebhookFixture {
  provider: BillingProviderName;
  billingProvider: BillingProvider;
  /** A delivery of `type` about the subscription (a type the provider module takes as a subscription event). */
  subscriptionEvent(subscriptionId: string, type?: string): SignedEvent;
  /** The event types that tell one subscription's life in order, first to last. */
  lifeOfASubscription: readonly string[];
  /** The same delivery, signed with a secret that is not ours. */
  forged(subscriptionId: string): WebhookRequest;
  /** A genuine signature over a body that was then changed (another subscription id). */
  tampered(subscriptionId: string, otherSubscriptionId: string): WebhookRequest;
  /** Signed genuinely, long ago; absent when the provider's signature carries no time (Patreon's). */
  stale?(subscriptionId: string): { request: WebhookRequest; reason: WebhookRefusalReason };
  /** A genuine event that is not about a subscription. */
  unrelated(): WebhookRequest;
}

/** Replaces the first occurrence of `from` in the body's bytes, keeping the headers (and so the signature). */
export function withBodyChanged(request: WebhookRequest, from: string, to: string): WebhookRequest {
  const body = request.rawBody.toString();
  if (!body.includes(from)) throw new Error(`the body does not contain ${from}`);
  return { ...request, rawBody: body.replace(from, to) };
}
