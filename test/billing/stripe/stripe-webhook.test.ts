import { describe, expect, it } from 'vitest';
import { WebhookRefused } from '../../../billing/provider.ts';
import { verifyStripeWebhook } from '../../../billing/stripe/stripe-webhook.ts';
import { signedStripeDelivery, stripeEvent, stripeSubscriptionEvent } from '../../support/stripe-events.ts';

const SECRET = 'whsec_ticketflow_test_secret';

function refusalOf(run: () => unknown): WebhookRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookRefused) return error;
    throw error;
  }
  throw new Error('the webhook was accepted');
}

describe('Stripe webhook verification', () => {
  it('reads each subscription event type into the event the workflow is signalled with', () => {
    const created = Math.floor(Date.now() / 1000) - 30;
    for (const type of [
      'checkout.session.completed',
      'customer.subscription.created',
      'customer.subscription.updated',
      'customer.subscription.deleted',
      'customer.subscription.trial_will_end',
      'invoice.paid',
      'invoice.payment_failed',
    ]) {
      const event = stripeSubscriptionEvent(type, 'sub_1TicketflowPro', { created });
      expect(verifyStripeWebhook(signedStripeDelivery(event, SECRET), SECRET)).toEqual({
        provider: 'stripe',
        eventId: event.id,
        type,
        subscriptionId: 'sub_1TicketflowPro',
        occurredAt: created * 1000,
      });
    }
  });

  it('reads a subscription that an event carries expanded', () => {
    const event = stripeEvent('checkout.session.completed', {
      object: 'checkout.session',
      mode: 'subscription',
      subscription: { id: 'sub_expanded', object: 'subscription' },
    });
    expect(verifyStripeWebhook(signedStripeDelivery(event, SECRET), SECRET)?.subscriptionId).toBe('sub_expanded');
  });

  it('returns null for a genuine event about no subscription', () => {
    const unknownType = stripeEvent('charge.succeeded', { id: 'ch_1', object: 'charge' });
    const oneOffCheckout = stripeEvent('checkout.session.completed', {
      object: 'checkout.session',
      mode: 'payment',
      subscription: null,
    });
    const oneOffInvoice = stripeEvent('invoice.paid', { id: 'in_1', object: 'invoice', parent: null });
    for (const event of [unknownType, oneOffCheckout, oneOffInvoice]) {
      expect(verifyStripeWebhook(signedStripeDelivery(event, SECRET), SECRET)).toBeNull();
    }
  });

  it('refuses a signature made with another secret', () => {
    const forged = signedStripeDelivery(stripeSubscriptionEvent('invoice.paid', 'sub_1'), 'whsec_not_ours');
    expect(refusalOf(() => verifyStripeWebhook(forged, SECRET)).reason).toBe('bad_signature');
  });

  it('refuses a body changed after signing, even by whitespace', () => {
    const event = stripeSubscriptionEvent('customer.subscription.deleted', 'sub_1');
    const genuine = signedStripeDelivery(event, SECRET);
    const retargeted = Buffer.from(genuine.rawBody.toString().replace('sub_1', 'sub_2'));
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(genuine.rawBody.toString())));
    for (const rawBody of [retargeted, reserialised]) {
      expect(refusalOf(() => verifyStripeWebhook({ ...genuine, rawBody }, SECRET)).reason).toBe('bad_signature');
    }
  });

  it('refuses a genuine delivery replayed more than five minutes after it was signed, and names why', () => {
    const event = stripeSubscriptionEvent('invoice.payment_failed', 'sub_1');
    const stale = signedStripeDelivery(event, SECRET, Math.floor(Date.now() / 1000) - 301);
    const refusal = refusalOf(() => verifyStripeWebhook(stale, SECRET));
    expect(refusal.reason).toBe('stale_timestamp');
    expect(refusal.message).toContain('older than 300 s');
    const justInTime = signedStripeDelivery(event, SECRET, Math.floor(Date.now() / 1000) - 290);
    expect(verifyStripeWebhook(justInTime, SECRET)?.eventId).toBe(event.id);
  });

  it('refuses a delivery without a signature, or with a header that is not one', () => {
    const genuine = signedStripeDelivery(stripeSubscriptionEvent('invoice.paid', 'sub_1'), SECRET);
    expect(refusalOf(() => verifyStripeWebhook({ rawBody: genuine.rawBody, headers: {} }, SECRET)).reason).toBe(
      'missing_signature',
    );
    for (const header of ['garbage', 't=123', ['a', 'b']]) {
      const headers = { 'stripe-signature': header };
      expect(refusalOf(() => verifyStripeWebhook({ rawBody: genuine.rawBody, headers }, SECRET)).reason).toBe(
        'bad_signature',
      );
    }
  });

  it('refuses a correctly signed body that is not a Stripe event', () => {
    for (const body of ['not json', '{"id":"evt_1"}', '[]']) {
      const delivery = signedStripeDelivery(body, SECRET);
      expect(refusalOf(() => verifyStripeWebhook(delivery, SECRET)).reason).toBe('malformed_body');
    }
  });
});
