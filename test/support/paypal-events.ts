import {
  type PayPalDelivery,
  paypalEventBody,
  paypalTime,
  signPayPalDelivery,
} from '../../sandbox/billing/paypal/paypal-webhook-signing.ts';

export type { PayPalDelivery };

/**
 * A PayPal webhook delivery signed exactly as PayPal signs it (by default with the PayPal stand-in's key, whose
 * certificate the stand-in serves at `certUrl`): a subscription event carries the subscription as its resource, a
 * PAYMENT.SALE.* event a sale whose billing_agreement_id is the subscription. `at` sets both the event's create_time
 * and the transmission time, so a stale delivery is one with an old `at`.
 */
export function signedPayPalEvent(input: {
  eventType: string;
  subscriptionId: string;
  webhookId: string;
  certUrl: string;
  at?: number;
  /** Sign with another key (a forgery). */
  privateKeyPem?: string;
  /** The same delivery id again: PayPal's redelivery of one event keeps its body and event id. */
  body?: string;
}): PayPalDelivery {
  const at = input.at ?? Date.now();
  const sale = input.eventType.startsWith('PAYMENT.SALE.');
  const body =
    input.body ??
    paypalEventBody({
      eventType: input.eventType,
      resourceType: sale ? 'sale' : 'subscription',
      resource: sale
        ? { id: `SALE-${input.subscriptionId}`, state: 'completed', billing_agreement_id: input.subscriptionId }
        : { id: input.subscriptionId, status: 'ACTIVE' },
      at,
    });
  return signPayPalDelivery({
    body,
    webhookId: input.webhookId,
    certUrl: input.certUrl,
    privateKeyPem: input.privateKeyPem,
    transmissionTime: paypalTime(at),
  });
}
