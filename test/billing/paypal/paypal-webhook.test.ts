import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PayPalWebhookVerifier } from '../../../billing/paypal/paypal-webhook.ts';
import { WebhookRefused } from '../../../billing/provider.ts';
import { type PayPalStandIn, startPayPalStandIn } from '../../../sandbox/billing/paypal/paypal-stand-in.ts';
import { paypalEventBody } from '../../../sandbox/billing/paypal/paypal-webhook-signing.ts';
import { signedPayPalEvent } from '../../support/paypal-events.ts';

const WEBHOOK_ID = 'WH-STANDIN';
const FOREIGN_KEY = readFileSync(new URL('./foreign-signing-key.pem', import.meta.url), 'utf8');
const FOREIGN_CERT = readFileSync(new URL('./foreign-signing-cert.pem', import.meta.url), 'utf8');

describe('PayPal webhook verification', () => {
  let standIn: PayPalStandIn;
  let certDownloads: string[];
  let verifier: PayPalWebhookVerifier;

  beforeAll(async () => {
    standIn = await startPayPalStandIn({ clientId: 'c', clientSecret: 's', webhookId: WEBHOOK_ID });
    certDownloads = [];
    verifier = new PayPalWebhookVerifier({
      webhookId: WEBHOOK_ID,
      certOrigins: [standIn.baseUrl],
      fetchCertificate: async (url) => {
        certDownloads.push(url.href);
        const response = await fetch(url);
        return response.text();
      },
    });
  });
  afterAll(() => standIn.close());

  const event = (eventType: string, options: { at?: number; privateKeyPem?: string; certUrl?: string } = {}) =>
    signedPayPalEvent({
      eventType,
      subscriptionId: 'I-SUB1',
      webhookId: WEBHOOK_ID,
      certUrl: standIn.certUrl,
      ...options,
    });

  async function refusal(promise: Promise<unknown>): Promise<WebhookRefused> {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WebhookRefused);
    return error as WebhookRefused;
  }

  it('accepts a subscription event and a subscription sale, downloading the certificate once', async () => {
    const activated = event('BILLING.SUBSCRIPTION.ACTIVATED');
    const body = JSON.parse(activated.rawBody.toString()) as { id: string; create_time: string };
    expect(await verifier.verify(activated)).toEqual({
      provider: 'paypal',
      eventId: body.id,
      type: 'BILLING.SUBSCRIPTION.ACTIVATED',
      subscriptionId: 'I-SUB1',
      occurredAt: Date.parse(body.create_time),
    });
    expect(await verifier.verify(event('PAYMENT.SALE.COMPLETED'))).toMatchObject({
      type: 'PAYMENT.SALE.COMPLETED',
      subscriptionId: 'I-SUB1',
    });
    expect(await verifier.verify(event('PAYMENT.SALE.DENIED'))).toMatchObject({ subscriptionId: 'I-SUB1' });
    expect(certDownloads).toEqual([standIn.certUrl]);
  });

  it('accepts what the stand-in itself sends when a subscription changes', async () => {
    const subscription = standIn.state.create(
      {
        plan_id: standIn.plans[0]?.id,
        application_context: { return_url: 'http://r.test/', cancel_url: 'http://c.test/' },
      },
      undefined,
    ).subscription;
    const sent = await standIn.simulate('approve', subscription.resource.id);
    const events = await Promise.all(sent.map((delivery) => verifier.verify(delivery)));
    expect(events.map((accepted) => [accepted?.type, accepted?.subscriptionId])).toEqual([
      ['BILLING.SUBSCRIPTION.ACTIVATED', subscription.resource.id],
      ['PAYMENT.SALE.COMPLETED', subscription.resource.id],
    ]);
  });

  it('refuses a forged signature and a tampered body', async () => {
    expect(
      (await refusal(verifier.verify(event('BILLING.SUBSCRIPTION.CANCELLED', { privateKeyPem: FOREIGN_KEY })))).reason,
    ).toBe('bad_signature');
    const genuine = event('BILLING.SUBSCRIPTION.CANCELLED');
    const tampered = Buffer.from(genuine.rawBody.toString().replace('I-SUB1', 'I-SUB2'));
    const refused = await refusal(verifier.verify({ rawBody: tampered, headers: genuine.headers }));
    expect(refused).toMatchObject({
      reason: 'bad_signature',
      message: 'PayPal webhook signature does not match its body',
    });
  });

  it('refuses a stale or future transmission time (5 minutes either way)', async () => {
    const stale = await refusal(
      verifier.verify(event('BILLING.SUBSCRIPTION.ACTIVATED', { at: Date.now() - 6 * 60_000 })),
    );
    expect(stale.reason).toBe('stale_timestamp');
    const future = await refusal(
      verifier.verify(event('BILLING.SUBSCRIPTION.ACTIVATED', { at: Date.now() + 6 * 60_000 })),
    );
    expect(future.reason).toBe('stale_timestamp');
    expect(
      await verifier.verify(event('BILLING.SUBSCRIPTION.ACTIVATED', { at: Date.now() - 4 * 60_000 })),
    ).not.toBeNull();
  });

  it('answers null for a well-signed event about something else', async () => {
    expect(await verifier.verify(event('CHECKOUT.ORDER.APPROVED'))).toBeNull();
    const oneOffSale = signedPayPalEvent({
      eventType: 'PAYMENT.SALE.COMPLETED',
      subscriptionId: 'unused',
      webhookId: WEBHOOK_ID,
      certUrl: standIn.certUrl,
      body: paypalEventBody({
        eventType: 'PAYMENT.SALE.COMPLETED',
        resourceType: 'sale',
        resource: { id: 'S-1' },
        at: Date.now(),
      }),
    });
    expect(await verifier.verify(oneOffSale)).toBeNull();
  });

  it('never downloads a certificate from a host off the allow-list', async () => {
    const downloadsBefore = certDownloads.length;
    for (const certUrl of [
      'https://evil.example/v1/notifications/certs/CERT-1',
      'http://127.0.0.1:1/v1/notifications/certs/CERT-1',
      `${standIn.baseUrl}/elsewhere/cert.pem`,
    ]) {
      const refused = await refusal(verifier.verify(event('BILLING.SUBSCRIPTION.ACTIVATED', { certUrl })));
      expect(refused.reason).toBe('bad_signature');
      expect(refused.message).toContain('outside PayPal');
    }
    expect(certDownloads.length).toBe(downloadsBefore);
  });

  it('refuses a certificate not issued to PayPal, or not valid now', async () => {
    const foreign = new PayPalWebhookVerifier({
      webhookId: WEBHOOK_ID,
      certOrigins: [standIn.baseUrl],
      fetchCertificate: async () => FOREIGN_CERT,
    });
    const refused = await refusal(
      foreign.verify(event('BILLING.SUBSCRIPTION.ACTIVATED', { privateKeyPem: FOREIGN_KEY })),
    );
    expect(refused).toMatchObject({ reason: 'bad_signature' });
    expect(refused.message).toContain("is not PayPal's webhook signing certificate");

    const in2050 = Date.parse('2050-01-01T00:00:00Z');
    const later = new PayPalWebhookVerifier({
      webhookId: WEBHOOK_ID,
      certOrigins: [standIn.baseUrl],
      now: () => in2050,
    });
    const expired = await refusal(later.verify(event('BILLING.SUBSCRIPTION.ACTIVATED', { at: in2050 })));
    expect(expired).toMatchObject({ reason: 'bad_signature' });
    expect(expired.message).toContain('is not valid now');
  });

  it('refuses a delivery without its signature headers, and a signed body that is not an event', async () => {
    const genuine = event('BILLING.SUBSCRIPTION.ACTIVATED');
    const { 'paypal-transmission-sig': _signature, ...unsigned } = genuine.headers;
    expect((await refusal(verifier.verify({ rawBody: genuine.rawBody, headers: unsigned }))).reason).toBe(
      'missing_signature',
    );
    const notJson = signedPayPalEvent({
      eventType: 'x',
      subscriptionId: 'x',
      webhookId: WEBHOOK_ID,
      certUrl: standIn.certUrl,
      body: 'not json',
    });
    expect((await refusal(verifier.verify(notJson))).reason).toBe('malformed_body');
    const noId = signedPayPalEvent({
      eventType: 'x',
      subscriptionId: 'x',
      webhookId: WEBHOOK_ID,
      certUrl: standIn.certUrl,
      body: JSON.stringify({ event_type: 'BILLING.SUBSCRIPTION.ACTIVATED', resource: { id: 'I-1' } }),
    });
    expect((await refusal(verifier.verify(noId))).reason).toBe('malformed_body');
  });

  it('a delivery signed for another webhook id does not verify', async () => {
    const otherWebhook = signedPayPalEvent({
      eventType: 'BILLING.SUBSCRIPTION.ACTIVATED',
      subscriptionId: 'I-SUB1',
      webhookId: 'WH-SOMEONE-ELSE',
      certUrl: standIn.certUrl,
    });
    expect((await refusal(verifier.verify(otherWebhook))).reason).toBe('bad_signature');
  });
});
