import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PatreonProvider } from '../../../billing/patreon/patreon-provider.ts';
import { PayPalProvider } from '../../../billing/paypal/paypal-provider.ts';
import { createStripeProvider } from '../../../billing/stripe/stripe-provider.ts';
import { type PayPalStandIn, startPayPalStandIn } from '../../../sandbox/billing/paypal/paypal-stand-in.ts';
import { createPatreonAccountLinks } from '../../../store/patreon-account-links.ts';
import { refusedWebhooksSince } from '../../../store/webhook-deliveries.ts';
import { WEBHOOK_BODY_LIMIT_BYTES } from '../../../web/server/billing/raw-webhook-body.ts';
import { startWebSystem } from '../support/web-system.ts';
import { type BillingWebSystem, startBillingWebSystem } from './support/billing-web-system.ts';
import { patreonWebhookFixture } from './support/patreon-webhook-fixture.ts';
import { paypalWebhookFixture } from './support/paypal-webhook-fixture.ts';
import { stripeWebhookFixture } from './support/stripe-webhook-fixture.ts';
import type { WebhookFixture } from './support/webhook-fixtures.ts';

/**
 * The webhook routes through the real fastify app, with each provider's real module verifying deliveries signed
 * as the provider signs them, a real Postgres recording them and the Temporal dev server taking the signals (no
 * worker here: what the web process handed over is read from the workflows' histories).
 */
const STRIPE_SECRET = 'whsec_ticketflow_webhook_routes';
const PAYPAL_WEBHOOK_ID = 'WH-TICKETFLOW-ROUTES';
const PATREON_SECRET = 'patreon-webhook-secret-routes';

let paypalStandIn: PayPalStandIn;
let system: BillingWebSystem;
let fixtures: WebhookFixture[];
const newSubscriptionId = (prefix: string) => `${prefix}_routes_${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  const stripe = createStripeProvider({
    secretKey: 'sk_test_ticketflow',
    webhookSecret: STRIPE_SECRET,
    // Verifying a webhook makes no API call: nothing listens here, and nothing may be asked.
    apiBaseUrl: 'http://127.0.0.1:9',
    prices: { pro: 'price_1Pro', enterprise: 'price_1Enterprise' },
  });
  paypalStandIn = await startPayPalStandIn({
    clientId: 'routes',
    clientSecret: 'secret',
    webhookId: PAYPAL_WEBHOOK_ID,
  });
  const paypal = new PayPalProvider({
    clientId: 'routes',
    clientSecret: 'secret',
    environment: 'sandbox',
    apiBaseUrl: paypalStandIn.baseUrl,
    planIds: {},
    webhookId: PAYPAL_WEBHOOK_ID,
    // The stand-in serves the certificate its deliveries are signed with; it is the only origin allowed here.
    certOrigins: [paypalStandIn.baseUrl],
    manageUrl: `${paypalStandIn.baseUrl}/myaccount/autopay`,
  });
  system = await startBillingWebSystem({
    providers(db) {
      const patreon = new PatreonProvider(
        {
          clientId: 'routes',
          clientSecret: 'routes-client-secret',
          creatorAccessToken: 'routes-creator-token',
          campaignId: '9000001',
          webhookSecret: PATREON_SECRET,
          tierIds: { pro: '7000001' },
          // Verifying a webhook makes no API call: nothing listens here, and nothing may be asked.
          baseUrl: 'http://127.0.0.1:9',
          currency: 'USD',
        },
        createPatreonAccountLinks(db.prisma),
      );
      fixtures = [
        stripeWebhookFixture(stripe, STRIPE_SECRET),
        paypalWebhookFixture(paypal, { webhookId: PAYPAL_WEBHOOK_ID, certUrl: paypalStandIn.certUrl }),
        patreonWebhookFixture(patreon, PATREON_SECRET),
      ];
      return Object.fromEntries(fixtures.map((fixture) => [fixture.provider, fixture.billingProvider]));
    },
    deliveryDeadlineMs: 2_000,
  });
}, 120_000);

afterAll(async () => {
  await system?.close();
  await paypalStandIn?.close();
});

beforeEach(async () => {
  system.temporalRelay.restore();
  await system.db.prisma.webhookDelivery.deleteMany();
});

const deliveries = () =>
  system.db.prisma.webhookDelivery.findMany({
    orderBy: { id: 'asc' },
    select: { provider: true, outcome: true, eventId: true, subscriptionId: true, refusalReason: true },
  });

const errorCodeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe.each(['stripe', 'paypal', 'patreon'] as const)('%s webhooks', (providerName) => {
  const fixture = () => {
    const found = fixtures.find((candidate) => candidate.provider === providerName);
    if (!found) throw new Error(`no fixture for ${providerName}`);
    return found;
  };

  it('accepts a genuine subscription event once Temporal has it, and records the delivery', async () => {
    const subscriptionId = newSubscriptionId(providerName);
    const { eventId, request } = fixture().subscriptionEvent(subscriptionId);
    const response = await system.postWebhook(providerName, request);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'accepted' });
    const signalled = await system.signalledEvents(providerName, subscriptionId);
    expect(signalled).toEqual([expect.objectContaining({ provider: providerName, eventId, subscriptionId })]);
    expect(await deliveries()).toEqual([
      { provider: providerName, outcome: 'accepted', eventId, subscriptionId, refusalReason: null },
    ]);
  });

  it.each([
    ['a forged signature', 'bad_signature'],
    ['a tampered body', 'bad_signature'],
  ] as const)('refuses %s with 400, sends nothing to Temporal and records why', async (what, reason) => {
    const subscriptionId = newSubscriptionId(providerName);
    const otherSubscriptionId = newSubscriptionId(providerName);
    const request =
      what === 'a forged signature'
        ? fixture().forged(subscriptionId)
        : fixture().tampered(subscriptionId, otherSubscriptionId);
    const response = await system.postWebhook(providerName, request);
    expect(response.status).toBe(400);
    expect(await errorCodeOf(response)).toBe('webhook_refused');
    expect(await system.signalledEvents(providerName, subscriptionId)).toEqual([]);
    expect(await system.signalledEvents(providerName, otherSubscriptionId)).toEqual([]);
    expect(await deliveries()).toEqual([
      { provider: providerName, outcome: 'refused', eventId: null, subscriptionId: null, refusalReason: reason },
    ]);
  });

  it.skipIf(providerName === 'patreon')('refuses a delivery signed too long ago (a replay)', async () => {
    const subscriptionId = newSubscriptionId(providerName);
    const stale = fixture().stale?.(subscriptionId);
    if (!stale) throw new Error(`${providerName} signs no time`);
    const response = await system.postWebhook(providerName, stale.request);
    expect(response.status).toBe(400);
    expect(await errorCodeOf(response)).toBe('webhook_refused');
    expect(await system.signalledEvents(providerName, subscriptionId)).toEqual([]);
    expect(await deliveries()).toEqual([
      { provider: providerName, outcome: 'refused', eventId: null, subscriptionId: null, refusalReason: stale.reason },
    ]);
  });

  it('refuses a delivery without its signature header', async () => {
    const subscriptionId = newSubscriptionId(providerName);
    const { request } = fixture().subscriptionEvent(subscriptionId);
    const response = await system.postWebhook(providerName, {
      rawBody: request.rawBody,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(await system.signalledEvents(providerName, subscriptionId)).toEqual([]);
    expect((await deliveries()).map((row) => row.refusalReason)).toEqual(['missing_signature']);
  });

  it('acknowledges a genuine event of a type about no subscription, and does nothing with it', async () => {
    const response = await system.postWebhook(providerName, fixture().unrelated());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'ignored' });
    expect((await deliveries()).map((row) => row.outcome)).toEqual(['ignored']);
  });

  it('takes the same delivery three times: each answered 200, each handed over for the workflow to deduplicate', async () => {
    const subscriptionId = newSubscriptionId(providerName);
    const { eventId, request } = fixture().subscriptionEvent(subscriptionId);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await system.postWebhook(providerName, request);
      expect(response.status).toBe(200);
    }
    const signalled = await system.signalledEvents(providerName, subscriptionId);
    expect(signalled.map((event) => event.eventId)).toEqual([eventId, eventId, eventId]);
    expect((await deliveries()).map((row) => row.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('answers 503 while Temporal cannot be reached, so the provider delivers again, and 200 once it can', async () => {
    const subscriptionId = newSubscriptionId(providerName);
    const { eventId, request } = fixture().subscriptionEvent(subscriptionId);
    system.temporalRelay.cut();
    const refused = await system.postWebhook(providerName, request);
    expect(refused.status).toBe(503);
    expect(await errorCodeOf(refused)).toBe('unavailable');
    // Read directly, not through the cut relay: Temporal has nothing of it.
    expect(await system.signalledEvents(providerName, subscriptionId)).toEqual([]);
    system.temporalRelay.restore();

    const redelivered = await system.postWebhook(providerName, request);
    expect(redelivered.status).toBe(200);
    // The first attempt may still have landed once Temporal was back: a copy the workflow takes once.
    const signalled = await system.signalledEvents(providerName, subscriptionId);
    expect(signalled.length).toBeGreaterThanOrEqual(1);
    expect(new Set(signalled.map((event) => event.eventId))).toEqual(new Set([eventId]));
    expect((await deliveries()).map((row) => row.outcome)).toEqual(['unavailable', 'accepted']);
  });
});

describe('what every webhook route refuses before its provider sees it', () => {
  it('refuses a body over the limit with 413 and a type other than JSON with 415, recording nothing', async () => {
    const tooLarge = await system.postWebhook('stripe', {
      rawBody: `{"padding":"${'x'.repeat(WEBHOOK_BODY_LIMIT_BYTES)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(tooLarge.status).toBe(413);
    const notJson = await system.postWebhook('stripe', {
      rawBody: 'type=customer.subscription.updated',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);
    expect(await errorCodeOf(notJson)).toBe('unsupported_media_type');
    expect(await deliveries()).toEqual([]);
  });

  it('counts the refused deliveries of the last day by provider and reason, for the admin panel', async () => {
    const fixture = fixtures[0];
    if (!fixture) throw new Error('no fixture');
    for (const request of [fixture.forged('sub_a'), fixture.forged('sub_b'), fixture.tampered('sub_c', 'sub_d')])
      await system.postWebhook(fixture.provider, request);
    const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
    expect(await refusedWebhooksSince(system.db.prisma, since)).toEqual([
      { provider: fixture.provider, reason: 'bad_signature', count: 3, lastAt: expect.any(Date) },
    ]);
    expect(await refusedWebhooksSince(system.db.prisma, new Date(Date.now() + 1_000))).toEqual([]);
  });
});

describe('a provider this server is not configured for', () => {
  it('answers 404 provider_not_configured on its webhook and return routes', async () => {
    const bare = await startWebSystem();
    try {
      for (const provider of ['stripe', 'paypal', 'patreon']) {
        const webhook = await fetch(`${bare.url}/webhooks/${provider}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        expect(webhook.status, provider).toBe(404);
        expect(await webhook.json()).toEqual({
          error: { code: 'provider_not_configured', message: expect.stringContaining('not configured') },
        });
        const back = await bare.request(`/billing/return/${provider}?session_id=cs_1`);
        expect(back.status, provider).toBe(404);
      }
    } finally {
      await bare.close();
    }
  });
});
