import { readFileSync } from 'node:fs';
import type { BillingProvider } from '../../../../billing/provider.ts';
import { signedPayPalEvent } from '../../../support/paypal-events.ts';
import { type WebhookFixture, withBodyChanged } from './webhook-fixtures.ts';

/** A key that is not PayPal's (the PayPal provider's own tests sign forgeries with it). */
const FOREIGN_KEY = readFileSync(new URL('../../../billing/paypal/foreign-signing-key.pem', import.meta.url), 'utf8');

/**
 * PayPal's deliveries, signed as PayPal signs them (SHA256withRSA over transmission id, time, webhook id and the
 * body's CRC32) with the stand-in's key, whose certificate the stand-in serves at `certUrl`.
 */
export function paypalWebhookFixture(
  billingProvider: BillingProvider,
  signing: { webhookId: string; certUrl: string },
): WebhookFixture {
  const delivery = (subscriptionId: string, eventType = 'BILLING.SUBSCRIPTION.UPDATED', at?: number) =>
    signedPayPalEvent({ eventType, subscriptionId, ...signing, ...(at !== undefined && { at }) });
  return {
    provider: 'paypal',
    billingProvider,
    subscriptionEvent: (subscriptionId, type) => {
      const request = delivery(subscriptionId, type);
      return { eventId: (JSON.parse(request.rawBody.toString()) as { id: string }).id, request };
    },
    lifeOfASubscription: [
      'BILLING.SUBSCRIPTION.CREATED',
      'BILLING.SUBSCRIPTION.ACTIVATED',
      'PAYMENT.SALE.COMPLETED',
      'BILLING.SUBSCRIPTION.UPDATED',
    ],
    forged: (subscriptionId) =>
      signedPayPalEvent({
        eventType: 'BILLING.SUBSCRIPTION.UPDATED',
        subscriptionId,
        ...signing,
        privateKeyPem: FOREIGN_KEY,
      }),
    tampered: (subscriptionId, otherSubscriptionId) =>
      withBodyChanged(delivery(subscriptionId), subscriptionId, otherSubscriptionId),
    stale: (subscriptionId) => ({
      request: delivery(subscriptionId, undefined, Date.now() - 10 * 60_000),
      reason: 'stale_timestamp',
    }),
    unrelated: () => delivery('I-UNUSED', 'CHECKOUT.ORDER.APPROVED'),
  };
}
