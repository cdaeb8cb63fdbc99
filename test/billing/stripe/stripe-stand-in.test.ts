import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient } from '../../../billing/stripe/stripe-client.ts';
import { createStripeProvider } from '../../../billing/stripe/stripe-provider.ts';
import {
  STAND_IN_PRICES,
  type StripeStandInForTests,
  startStripeStandInForTests,
} from '../../support/stripe-stand-in.ts';

let standIn: StripeStandInForTests;
let stripe: Stripe;

beforeAll(async () => {
  standIn = await startStripeStandInForTests();
  stripe = createStripeClient(standIn.config);
});

afterAll(async () => {
  await standIn?.close();
});

function api(path: string, init: RequestInit = {}) {
  return fetch(`${standIn.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${standIn.config.secretKey}`, ...init.headers },
  });
}

async function errorOf(response: Response): Promise<Record<string, string>> {
  return ((await response.json()) as { error: Record<string, string> }).error;
}

async function paidSubscriptionId(): Promise<string> {
  const provider = createStripeProvider(standIn.config);
  const link = await provider.startCheckout({
    plan: 'pro',
    guildId: '100000000000000001',
    userId: '200000000000000002',
    returnUrl: 'http://localhost:3000/billing',
    cancelUrl: 'http://localhost:3000/billing',
  });
  return (await standIn.control.completeCheckout(link.url, { deliver: false })).subscription.id;
}

describe('the Stripe stand-in is as strict as Stripe', () => {
  it('takes only its own secret key, as a Bearer token or Basic user', async () => {
    const missing = await fetch(`${standIn.url}/v1/balance`);
    expect(missing.status).toBe(401);
    expect((await errorOf(missing)).message).toMatch(/^You did not provide an API key/);
    const wrong = await fetch(`${standIn.url}/v1/balance`, {
      headers: { authorization: 'Bearer sk_test_SomeoneElse' },
    });
    expect(wrong.status).toBe(401);
    const wrongMessage = (await errorOf(wrong)).message;
    expect(wrongMessage).toMatch(/^Invalid API Key provided: sk_test_\**Else$/);
    const basic = Buffer.from(`${standIn.config.secretKey}:`).toString('base64');
    expect((await fetch(`${standIn.url}/v1/balance`, { headers: { authorization: `Basic ${basic}` } })).status).toBe(
      200,
    );
  });

  it('refuses a body that is not form-encoded', async () => {
    const response = await api('/v1/checkout/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'subscription' }),
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('application/x-www-form-urlencoded');
  });

  it("answers an unknown id 404 in Stripe's error shape, and an unknown id in a parameter 400", async () => {
    const response = await api('/v1/subscriptions/sub_nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        type: 'invalid_request_error',
        code: 'resource_missing',
        message: "No such subscription: 'sub_nope'",
        param: 'id',
        doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
      },
    });
    const unknownPrice = stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: 'price_nope', quantity: 1 }],
      success_url: 'http://localhost:3000/billing',
    });
    await expect(unknownPrice).rejects.toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'line_items[0][price]',
    });
    await expect(stripe.billingPortal.sessions.create({ customer: 'cus_nope' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'customer',
    });
  });

  it("has Stripe's own stripe-mock validate every request against Stripe's spec", async () => {
    const unknownParameter = api('/v1/checkout/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ mode: 'subscription', 'line_items[0][price]': STAND_IN_PRICES.pro, colour: 'red' }),
    });
    const answer = await unknownParameter;
    expect(answer.status).toBe(400);
    expect((await errorOf(answer)).message).toMatch(/Request validation error/);
    const subscriptionId = await paidSubscriptionId();
    await expect(
      stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: 'soon' as unknown as boolean }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it('replays a write retried with the same idempotency key, and refuses the key for another request', async () => {
    const subscriptionId = await paidSubscriptionId();
    const eventsBefore = (await standIn.control.events()).length;
    const write = (metadata: string) =>
      api(`/v1/subscriptions/${subscriptionId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': `retry-${subscriptionId}` },
        body: new URLSearchParams({ 'metadata[note]': metadata }),
      });
    const first = await write('one');
    const replayed = await write('one');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(await replayed.json()).toEqual(await first.json());
    expect((await standIn.control.events()).length).toBe(eventsBefore + 1);
    const reused = await write('two');
    expect(reused.status).toBe(400);
    expect((await errorOf(reused)).type).toBe('idempotency_error');
  });

  it('lets a canceled subscription change only its metadata and cancellation details', async () => {
    const subscriptionId = await paidSubscriptionId();
    await stripe.subscriptions.cancel(subscriptionId);
    await expect(stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true })).rejects.toThrow(
      'A canceled subscription can only update its cancellation_details and metadata.',
    );
    const annotated = await stripe.subscriptions.update(subscriptionId, { metadata: { note: 'refunded' } });
    expect(annotated.metadata.note).toBe('refunded');
  });

  it('expands the held objects a request asks for, and serves the rest of the API from stripe-mock', async () => {
    const subscriptionId = await paidSubscriptionId();
    const subscription = await stripe.subscriptions.retrieve(subscriptionId, {
      expand: ['latest_invoice', 'customer'],
    });
    expect(subscription.latest_invoice).toMatchObject({ object: 'invoice', status: 'paid', amount_paid: 900 });
    expect(subscription.customer).toMatchObject({ object: 'customer' });
    expect((await stripe.balance.retrieve()).object).toBe('balance');
  });

  it('lists what it holds as Stripe does: newest first, in pages, subscriptions not yet ended unless asked', async () => {
    const first = await paidSubscriptionId();
    const second = await paidSubscriptionId();
    await stripe.subscriptions.cancel(first);
    const open = await stripe.subscriptions.list({ limit: 100 });
    expect(open.data.map((subscription) => subscription.id)).toContain(second);
    expect(open.data.map((subscription) => subscription.id)).not.toContain(first);
    const all = await stripe.subscriptions.list({ status: 'all', limit: 2 });
    expect(all.data.map((subscription) => subscription.id)).toEqual([second, first]);
    expect(all.has_more).toBe(true);
    const next = await stripe.subscriptions.list({ status: 'all', limit: 100, starting_after: first });
    expect(next.data.map((subscription) => subscription.id)).not.toContain(first);
    const deleted = await stripe.events.list({ type: 'customer.subscription.*', limit: 1 });
    expect(deleted.data.map((event) => [event.type, (event.data.object as Stripe.Subscription).id])).toEqual([
      ['customer.subscription.deleted', first],
    ]);
    await expect(stripe.subscriptions.list({ starting_after: 'sub_nope' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'starting_after',
    });
  });
});
