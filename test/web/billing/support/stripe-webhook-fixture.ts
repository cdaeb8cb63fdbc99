import type { BillingProvider } from '../../../../billing/provider.ts';
import { signedStripeDelivery, stripeEvent, stripeSubscriptionEvent } from '../../../support/stripe-events.ts';
import { type WebhookFixture, withBodyChanged } from './webhook-fixtures.ts';

/** Stripe's deliveries, signed as Stripe signs them (scheme v1 over `timestamp.body`, 5 minutes' tolerance). */
export function stripeWebhookFixture(billingProvider: BillingProvider, webhookSecret: string): WebhookFixture {
  const delivery = (subscriptionId: string, type = 'customer.subscription.updated', secret = webhookSecret) => {
    const event = stripeSubscriptionEvent(type, subscriptionId);
    return { eventId: event.id, request: signedStripeDelivery(event, secret) };
  };
  return {
    provider: 'stripe',
    billingProvider,
    subscriptionEvent: (subscriptionId, type) => delivery(subscriptionId, type),
    lifeOfASubscription: [
      'checkout.session.completed',
      'customer.subscription.created',
      'invoice.paid',
      'customer.subscription.updated',
    ],
    forged: (subscriptionId) => delivery(subscriptionId, undefined, 'whsec_not_the_endpoints_secret').request,
    tampered: (subscriptionId, otherSubscriptionId) =>
      withBodyChanged(delivery(subscriptionId).request, subscriptionId, otherSubscriptionId),
    stale: (subscriptionId) => {
      const event = stripeSubscriptionEvent('customer.subscription.updated', subscriptionId);
      const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
      return { request: signedStripeDelivery(event, webhookSecret, tenMinutesAgo), reason: 'stale_timestamp' };
    },
    unrelated: () =>
      signedStripeDelivery(stripeEvent('charge.succeeded', { id: 'ch_1', object: 'charge' }), webhookSecret),
  };
}
