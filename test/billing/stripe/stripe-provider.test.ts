import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BillingProvider, WebhookRefused } from '../../../billing/provider.ts';
import { createStripeClient } from '../../../billing/stripe/stripe-client.ts';
import { createStripeProvider } from '../../../billing/stripe/stripe-provider.ts';
import type { ProviderEvent } from '../../../domain/subscription.ts';
import { type StripeStandInForTests, startStripeStandInForTests } from '../../support/stripe-stand-in.ts';

const GUILD = '100000000000000001';
const BUYER = '200000000000000002';

let standIn: StripeStandInForTests;
let provider: BillingProvider;
let stripe: Stripe;
let endpoint: Server;
/** What the test's webhook endpoint made of each delivery: the verified event, or the refusal's reason. */
const received: Array<ProviderEvent | null | string> = [];

/** What the endpoint made of these events' deliveries, in order (other tests' may still arrive in between). */
function receivedOf(eventIds: string[]): ProviderEvent[] {
  return received.filter(
    (event): event is ProviderEvent => typeof event === 'object' && event !== null && eventIds.includes(event.eventId),
  );
}

beforeAll(async () => {
  // The webhook endpoint verifies each delivery with the provider over the raw bytes, as the web route does.
  endpoint = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      provider
        .verifyWebhook({ rawBody: Buffer.concat(chunks), headers: request.headers })
        .then((event) => received.push(event))
        .catch((error: unknown) => received.push(error instanceof WebhookRefused ? error.reason : String(error)))
        .finally(() => response.writeHead(200).end());
    });
  });
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
  standIn = await startStripeStandInForTests({
    webhookUrl: `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/webhooks/stripe`,
  });
  provider = createStripeProvider(standIn.config);
  stripe = createStripeClient(standIn.config);
});

afterAll(async () => {
  await standIn?.close();
  await new Promise((resolve) => endpoint?.close(resolve));
});

async function checkout(plan: 'pro' | 'enterprise' = 'pro', guildId: string | null = GUILD) {
  return provider.startCheckout({
    plan,
    guildId,
    userId: BUYER,
    returnUrl: `http://localhost:3000/billing/return/stripe?guild=${guildId}`,
    cancelUrl: `http://localhost:3000/guilds/${guildId}/billing`,
  });
}

/** A paid checkout's subscription id. */
async function subscribed(options: { trialDays?: number } = {}): Promise<string> {
  const { subscription } = await standIn.control.completeCheckout((await checkout()).url, options);
  return subscription.id;
}

describe('checkout and the Billing Portal', () => {
  it("starts a subscription-mode Checkout Session for the plan's price, naming the buyer on it and on its subscription", async () => {
    const link = await checkout('enterprise');
    const sessionId = new URL(link.url).pathname.split('/').pop() as string;
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(session).toMatchObject({
      mode: 'subscription',
      status: 'open',
      client_reference_id: GUILD,
      metadata: { guildId: GUILD, userId: BUYER, plan: 'enterprise' },
      success_url: `http://localhost:3000/billing/return/stripe?guild=${GUILD}&session_id={CHECKOUT_SESSION_ID}`,
      amount_total: 4900,
    });
    const { subscription } = await standIn.control.completeCheckout(link.url);
    expect(subscription.metadata).toEqual({ guildId: GUILD, userId: BUYER, plan: 'enterprise' });
    expect(subscription.items.data[0]?.price.id).toBe(standIn.config.prices.enterprise);
  });

  it("reads the buyer's return from Stripe: the subscription a completed checkout created, for its guild", async () => {
    const link = await checkout();
    const sessionId = new URL(link.url).pathname.split('/').pop() as string;
    expect(await provider.completeCheckout({ guild: GUILD, session_id: sessionId })).toBeNull();
    // The buyer pays on the Checkout page and Stripe sends them back to the return URL with the session's id.
    const paid = await fetch(new URL(`${link.url}/pay`), { method: 'POST', redirect: 'manual' });
    const back = new URL(paid.headers.get('location') as string);
    expect(back.pathname).toBe('/billing/return/stripe');
    const query = Object.fromEntries(back.searchParams);
    expect(query).toEqual({ guild: GUILD, session_id: sessionId });
    const completed = await provider.completeCheckout(query);
    expect(completed).toEqual({
      checkoutId: sessionId,
      subscriptionId: expect.stringMatching(/^sub_/),
      guildId: GUILD,
    });
    expect(await provider.completeCheckout(query)).toEqual(completed);
    expect((await provider.fetchSubscription(completed?.subscriptionId as string))?.status).toBe('active');
  });

  it('knows no checkout from a return URL whose session Stripe does not have, or that names none', async () => {
    const queries: Array<Record<string, string>> = [
      {},
      { session_id: 'cs_test_Unknown' },
      { session_id: '../v1/balance' },
    ];
    for (const query of queries) {
      expect(await provider.completeCheckout(query)).toBeNull();
    }
  });

  it('names the buyer alone when the plan is bought for no guild yet', async () => {
    const { subscription } = await standIn.control.completeCheckout((await checkout('pro', null)).url);
    expect(subscription.metadata).toEqual({ userId: BUYER, plan: 'pro' });
    expect((await provider.fetchSubscription(subscription.id))?.holder).toEqual({ kind: 'user', userId: BUYER });
  });

  it("opens the Billing Portal on the subscription's customer, returning to the page given", async () => {
    const subscriptionId = await subscribed();
    const link = await provider.manageLink({ subscriptionId, returnUrl: 'http://localhost:3000/billing' });
    const page = await (await fetch(link.url)).text();
    expect(page).toContain('Ticketflow Pro');
    expect(page).toContain('href="http://localhost:3000/billing"');
  });

  it('lets the buyer cancel in the portal, which Stripe reports to the endpoint', async () => {
    const subscriptionId = await subscribed();
    const link = await provider.manageLink({ subscriptionId, returnUrl: 'http://localhost:3000/billing' });
    const page = await (await fetch(link.url)).text();
    const action = /action="([^"]+)"><input type="hidden" name="when" value="period_end">/.exec(page)?.[1];
    const cancelled = await fetch(new URL(action as string, link.url), {
      method: 'POST',
      body: new URLSearchParams({ when: 'period_end' }),
      redirect: 'manual',
    });
    expect(cancelled.status).toBe(303);
    expect(await provider.fetchSubscription(subscriptionId)).toMatchObject({ status: 'canceled_at_period_end' });
    await expect
      .poll(() => received)
      .toContainEqual(expect.objectContaining({ type: 'customer.subscription.updated', subscriptionId }));
  });

  it('refuses a portal for a subscription Stripe does not have', async () => {
    await expect(provider.manageLink({ subscriptionId: 'sub_missing', returnUrl: 'http://x' })).rejects.toMatchObject({
      code: 'resource_missing',
      statusCode: 404,
    });
  });
});

describe('cancelling', () => {
  it('at period end is idempotent: a second call changes nothing and sends nothing', async () => {
    const subscriptionId = await subscribed();
    const eventsBefore = (await standIn.control.events()).length;
    await provider.cancel({ subscriptionId, atPeriodEnd: true });
    await provider.cancel({ subscriptionId, atPeriodEnd: true });
    const events = (await standIn.control.events()).slice(eventsBefore);
    expect(events.map((event) => event.type)).toEqual(['customer.subscription.updated']);
    expect(await provider.fetchSubscription(subscriptionId)).toMatchObject({ status: 'canceled_at_period_end' });
  });

  it('now is idempotent, also after a cancellation at period end, though Stripe answers a second one 404', async () => {
    const subscriptionId = await subscribed();
    await provider.cancel({ subscriptionId, atPeriodEnd: true });
    await provider.cancel({ subscriptionId, atPeriodEnd: false });
    await provider.cancel({ subscriptionId, atPeriodEnd: false });
    await provider.cancel({ subscriptionId, atPeriodEnd: true });
    await expect(stripe.subscriptions.cancel(subscriptionId)).rejects.toMatchObject({ code: 'resource_missing' });
    const deleted = (await standIn.control.events()).filter(
      (event) => event.type === 'customer.subscription.deleted' && event.data.object.id === subscriptionId,
    );
    expect(deleted).toHaveLength(1);
    expect(await provider.fetchSubscription(subscriptionId)).toMatchObject({ status: 'ended' });
  });

  it('fails for a subscription Stripe does not have', async () => {
    await expect(provider.cancel({ subscriptionId: 'sub_missing', atPeriodEnd: false })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
  });
});

describe('fetching the current subscription', () => {
  it('follows a subscription through trial, renewal, failed payment, recovery, plan change and its end', async () => {
    const subscriptionId = await subscribed({ trialDays: 14 });
    const trialing = await provider.fetchSubscription(subscriptionId);
    expect(trialing).toMatchObject({
      provider: 'stripe',
      subscriptionId,
      holder: { kind: 'guild', guildId: GUILD },
      plan: 'pro',
      status: 'trialing',
      paymentFailedAt: null,
      endedAt: null,
      price: { amountMinor: 900, currency: 'USD', interval: 'month' },
    });
    expect(trialing?.trialEnd).toBe(trialing?.currentPeriodEnd);
    expect(trialing?.customerId).toMatch(/^cus_/);

    await standIn.control.renew(subscriptionId);
    const active = await provider.fetchSubscription(subscriptionId);
    expect(active).toMatchObject({ status: 'active', currentPeriodStart: trialing?.currentPeriodEnd });

    await standIn.control.failPayment(subscriptionId);
    const pastDue = await provider.fetchSubscription(subscriptionId);
    expect(pastDue).toMatchObject({ status: 'past_due', currentPeriodStart: active?.currentPeriodEnd });
    expect(pastDue?.paymentFailedAt).toBe(active?.currentPeriodEnd);
    await standIn.control.failPayment(subscriptionId);
    expect((await provider.fetchSubscription(subscriptionId))?.paymentFailedAt).toBe(pastDue?.paymentFailedAt);

    await standIn.control.payOpenInvoice(subscriptionId);
    expect(await provider.fetchSubscription(subscriptionId)).toMatchObject({ status: 'active', paymentFailedAt: null });

    await standIn.control.changePlan(subscriptionId, 'enterprise');
    expect(await provider.fetchSubscription(subscriptionId)).toMatchObject({
      plan: 'enterprise',
      price: { amountMinor: 4900 },
    });

    await standIn.control.cancel(subscriptionId, { atPeriodEnd: true });
    const ending = await provider.fetchSubscription(subscriptionId);
    expect(ending).toMatchObject({ status: 'canceled_at_period_end', endedAt: null });
    await standIn.control.renew(subscriptionId);
    expect(await provider.fetchSubscription(subscriptionId)).toMatchObject({
      status: 'ended',
      endedAt: ending?.currentPeriodEnd,
    });
  });

  it('ends a subscription whose payment retries ran out', async () => {
    const subscriptionId = await subscribed();
    await standIn.control.failPayment(subscriptionId);
    await standIn.control.failPayment(subscriptionId, { final: true });
    expect(await provider.fetchSubscription(subscriptionId)).toMatchObject({ status: 'ended' });
  });

  it('is null for a subscription Stripe does not have', async () => {
    expect(await provider.fetchSubscription('sub_missing')).toBeNull();
  });
});

describe('webhooks the stand-in sends, verified by the provider', () => {
  it('reads each delivery of a checkout and a failed renewal into an event about the subscription', async () => {
    const { subscription, events, deliveries } = await standIn.control.completeCheckout((await checkout()).url);
    const failed = await standIn.control.failPayment(subscription.id);
    const sent = [...events, ...failed.events];
    expect([...deliveries, ...failed.deliveries].map((delivery) => [delivery.eventId, delivery.status])).toEqual(
      sent.map((event) => [event.id, 200]),
    );
    // customer.created is about no subscription: acknowledged, nothing read.
    expect(receivedOf(sent.map((event) => event.id))).toEqual(
      sent.slice(1).map((event) => ({
        provider: 'stripe',
        eventId: event.id,
        type: event.type,
        subscriptionId: subscription.id,
        occurredAt: event.created * 1000,
      })),
    );
    expect(sent.map((event) => event.type)).toEqual([
      'customer.created',
      'customer.subscription.created',
      'invoice.paid',
      'checkout.session.completed',
      'invoice.payment_failed',
      'customer.subscription.updated',
    ]);
  });

  it('redelivers an event with the same id and a fresh signature', async () => {
    const subscriptionId = await subscribed();
    const { events } = await standIn.control.renew(subscriptionId, { deliver: false });
    const [paid] = events;
    await standIn.control.redeliver(paid?.id as string);
    await standIn.control.redeliver(paid?.id as string);
    expect(receivedOf([paid?.id as string])).toEqual([
      expect.objectContaining({ eventId: paid?.id, type: 'invoice.paid' }),
      expect.objectContaining({ eventId: paid?.id, type: 'invoice.paid' }),
    ]);
  });
});
