/**
 * Stripe events as Stripe sends them: the `event` envelope around a snapshot of an object, serialised once and
 * signed over exactly those bytes with the endpoint's secret (the `Stripe-Signature` header, scheme v1).
 */
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

/** Stripe's ids: a prefix and 24 characters of base 62. */
export function stripeId(prefix: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return `${prefix}_${Array.from(randomBytes(24), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

export interface StripeEventOptions {
  id?: string;
  /** Epoch seconds; now by default. */
  created?: number;
  /** For `*.updated` events: the changed fields' values before the change. */
  previousAttributes?: Record<string, unknown>;
}

/** The envelope Stripe delivers, on the API version the stripe package pins. */
export function stripeEvent(type: string, object: object, options: StripeEventOptions = {}): Stripe.Event {
  return {
    id: options.id ?? stripeId('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: options.created ?? Math.floor(Date.now() / 1000),
    data: {
      object,
      ...(options.previousAttributes && { previous_attributes: options.previousAttributes }),
    },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}

/** The `Stripe-Signature` header for these exact bytes, as Stripe computes it; `timestamp` in epoch seconds. */
export function stripeSignature(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp !== undefined && { timestamp }) });
}
