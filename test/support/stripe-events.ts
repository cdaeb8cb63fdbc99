/**
 * Stripe webhook deliveries for tests, signed exactly as Stripe signs them (stripe.webhooks.generateTestHeaderString
 * over the body's bytes), to post to the webhook route or hand to a provider's verifyWebhook. The stand-in
 * (test/support/stripe-stand-in.ts) sends complete objects; these carry the fields that name the subscription.
 */
import type Stripe from 'stripe';
import {
  type StripeEventOptions,
  stripeEvent,
  stripeId,
  stripeSignature,
} from '../../sandbox/billing/stripe/stripe-events.ts';

export { stripeEvent, stripeId };

export interface StripeDelivery {
  rawBody: Buffer;
  headers: { 'content-type': 'application/json'; 'stripe-signature': string };
}

/** The request Stripe makes for `event`: its JSON body and a signature made at `timestamp` (epoch seconds, now by default). */
export function signedStripeDelivery(event: Stripe.Event | string, secret: string, timestamp?: number): StripeDelivery {
  const body = typeof event === 'string' ? event : JSON.stringify(event, null, 2);
  return {
    rawBody: Buffer.from(body),
    headers: { 'content-type': 'application/json', 'stripe-signature': stripeSignature(body, secret, timestamp) },
  };
}

/** Where each subscription event type names its subscription, in the object shapes of the pinned API version. */
function objectAbout(type: string, subscriptionId: string): object {
  if (type.startsWith('customer.subscription.')) return { id: subscriptionId, object: 'subscription' };
  if (type.startsWith('invoice.')) {
    return {
      id: stripeId('in'),
      object: 'invoice',
      parent: { type: 'subscription_details', subscription_details: { subscription: subscriptionId, metadata: {} } },
    };
  }
  if (type.startsWith('checkout.session.')) {
    return { id: stripeId('cs_test'), object: 'checkout.session', mode: 'subscription', subscription: subscriptionId };
  }
  throw new Error(`no subscription object for Stripe event type ${type}`);
}

/** An event of `type` about `subscriptionId` (a subscription, invoice or checkout session event). */
export function stripeSubscriptionEvent(
  type: string,
  subscriptionId: string,
  options: StripeEventOptions = {},
): Stripe.Event {
  return stripeEvent(type, objectAbout(type, subscriptionId), options);
}
