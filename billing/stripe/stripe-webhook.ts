import Stripe from 'stripe';
import type { ProviderEvent } from '../../domain/subscription.ts';
import { WebhookRefused } from '../provider.ts';

/** Stripe's own default: a signed delivery older than 5 minutes is a replay, not a retry (Stripe re-signs those). */
export const STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

function refusal(error: unknown): WebhookRefused {
  if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
    // The library checks the signature first: a stale timestamp means a genuine delivery replayed too late.
    return error.message.startsWith('Timestamp outside the tolerance zone')
      ? new WebhookRefused('stale_timestamp', `the signature is older than ${STRIPE_WEBHOOK_TOLERANCE_SECONDS} s`)
      : new WebhookRefused('bad_signature', 'the Stripe-Signature does not match the body and the signing secret');
  }
  // A correctly signed body that is not JSON.
  return new WebhookRefused('malformed_body', 'the body is not a Stripe event');
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'string') return value.id;
  return null;
}

/** The subscription an event is about, or null when it is about none (a one-off payment's checkout or invoice). */
function subscriptionIdOf(event: Stripe.Event): string | null {
  switch (event.type) {
    case 'checkout.session.completed':
      return event.data.object.mode === 'subscription' ? idOf(event.data.object.subscription) : null;
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'customer.subscription.trial_will_end':
      return event.data.object.id;
    case 'invoice.paid':
    case 'invoice.payment_failed':
      // Since API version 2025-03-31 an invoice names its subscription under parent.subscription_details.
      return idOf(event.data.object.parent?.subscription_details?.subscription ?? null);
    default:
      return null;
  }
}

/**
 * Verifies a Stripe webhook with `constructEvent` over the raw body exactly as received, and reads it. Throws
 * WebhookRefused naming why; returns null for a genuine event that is not about a subscription.
 */
export function verifyStripeWebhook(
  input: { rawBody: Buffer; headers: Record<string, string | string[] | undefined> },
  webhookSecret: string,
): ProviderEvent | null {
  const header = input.headers['stripe-signature'];
  if (header === undefined || header === '') {
    throw new WebhookRefused('missing_signature', 'the request has no Stripe-Signature header');
  }
  if (Array.isArray(header)) {
    throw new WebhookRefused('bad_signature', 'the request has more than one Stripe-Signature header');
  }
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(input.rawBody, header, webhookSecret, STRIPE_WEBHOOK_TOLERANCE_SECONDS);
  } catch (error) {
    throw refusal(error);
  }
  if (typeof event?.id !== 'string' || typeof event.type !== 'string' || typeof event.data?.object !== 'object') {
    throw new WebhookRefused('malformed_body', 'the body is signed but is not a Stripe event');
  }
  const subscriptionId = subscriptionIdOf(event);
  if (subscriptionId === null) return null;
  return { provider: 'stripe', eventId: event.id, type: event.type, subscriptionId, occurredAt: event.created * 1000 };
}
