import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PayPalProvider } from '../../../billing/paypal/paypal-provider.ts';
import type { BillingProvider } from '../../../billing/provider.ts';
import { createStripeProvider } from '../../../billing/stripe/stripe-provider.ts';
import type { ProviderSubscription } from '../../../domain/subscription.ts';
import { type PayPalStandIn, startPayPalStandIn } from '../../../sandbox/billing/paypal/paypal-stand-in.ts';
import { grantProviderEntitlement } from '../../../store/entitlements/provider-entitlements.ts';
import { checkoutReturnPath } from '../../../web/server/billing/checkout-return.ts';
import { type StripeStandInForTests, startStripeStandInForTests } from '../../support/stripe-stand-in.ts';
import { type BillingWebSystem, startBillingWebSystem } from './support/billing-web-system.ts';

/**
 * A guild admin's checkout, return and management through the real routes, with the real Stripe module against the
 * Stripe stand-in (Stripe's API, validated by stripe-mock, holding what checkouts create), Postgres and Temporal.
 * The stand-in sends no webhooks here: what reaches Temporal comes from the return and cancel routes alone.
 */
let standIn: StripeStandInForTests;
let paypalStandIn: PayPalStandIn;
let provider: BillingProvider;
let system: BillingWebSystem;
let stripe: Stripe;
let adminCookie: string;
let guildId: string;

beforeAll(async () => {
  standIn = await startStripeStandInForTests();
  provider = createStripeProvider(standIn.config);
  paypalStandIn = await startPayPalStandIn({ clientId: 'checkout', clientSecret: 'secret', webhookId: 'WH-CHECKOUT' });
  const paypal = new PayPalProvider({
    clientId: 'checkout',
    clientSecret: 'secret',
    environment: 'sandbox',
    apiBaseUrl: paypalStandIn.baseUrl,
    planIds: { pro: paypalStandIn.plans[0]?.id, enterprise: paypalStandIn.plans[1]?.id },
    webhookId: 'WH-CHECKOUT',
    certOrigins: [paypalStandIn.baseUrl],
    manageUrl: `${paypalStandIn.baseUrl}/myaccount/autopay`,
  });
  system = await startBillingWebSystem({
    providers: () => ({ stripe: provider, paypal }),
    deliveryDeadlineMs: 2_000,
  });
  const { hostname, port } = new URL(standIn.url);
  stripe = new Stripe(standIn.config.secretKey, {
    host: hostname,
    port: Number(port),
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  guildId = system.web.guildA.guild.id;
  adminCookie = (await system.web.signIn(system.web.userId(system.web.guildA, 'owner'))).cookie;
}, 120_000);

afterAll(async () => {
  await system?.close();
  await standIn?.close();
  await paypalStandIn?.close();
});

beforeEach(() => {
  system.temporalRelay.restore();
});

const post = (path: string, body: unknown, cookie = adminCookie) =>
  system.web.request(path, {
    method: 'POST',
    cookie,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function startCheckout(plan: 'pro' | 'enterprise' = 'pro'): Promise<Stripe.Checkout.Session> {
  const response = await post(`/api/v1/guilds/${guildId}/billing/checkout`, { provider: 'stripe', plan });
  expect(response.status).toBe(200);
  const { url } = (await response.json()) as { url: string };
  const sessionId = new URL(url).pathname.split('/').at(-1) ?? '';
  return stripe.checkout.sessions.retrieve(sessionId);
}

/**
 * A Checkout Session for guild A as the checkout route makes it (same return and cancel URLs), made straight through
 * the provider: the route refuses a guild's second checkout while the first one's subscription is live.
 */
async function openCheckout(): Promise<Stripe.Checkout.Session> {
  const { url } = await provider.startCheckout({
    plan: 'pro',
    guildId,
    userId: system.web.userId(system.web.guildA, 'owner'),
    returnUrl: `${system.web.url}${checkoutReturnPath('stripe', guildId)}`,
    cancelUrl: `${system.web.url}/guilds/${guildId}/billing?checkout=canceled`,
  });
  return stripe.checkout.sessions.retrieve(new URL(url).pathname.split('/').at(-1) ?? '');
}

/** The buyer pays on the stand-in's Checkout page: the session completes and its subscription exists. */
async function pay(session: Stripe.Checkout.Session): Promise<string> {
  const { subscription } = await standIn.control.completeCheckout(session.url ?? '');
  return subscription.id;
}

/** Where Stripe sends the buyer back: the session's success_url with its id filled in. */
function returnPathOf(session: Stripe.Checkout.Session): string {
  const url = new URL((session.success_url ?? '').replace('{CHECKOUT_SESSION_ID}', session.id));
  return `${url.pathname}${url.search}`;
}

/**
 * A paid subscription of guild A as its workflow records it: Stripe's current object, fetched and normalised by the
 * provider, granted through the entitlement store (which writes the subscription's mirror row).
 */
async function subscribed(): Promise<ProviderSubscription> {
  const subscriptionId = await pay(await openCheckout());
  const subscription = await provider.fetchSubscription(subscriptionId);
  if (!subscription) throw new Error(`Stripe does not know ${subscriptionId}`);
  await grantProviderEntitlement(system.db.prisma, { subscription, grantsUntil: subscription.currentPeriodEnd });
  return subscription;
}

describe('checkout', () => {
  it("sends a guild admin to Stripe's Checkout for the plan, for this guild, returning to the return route", async () => {
    const session = await startCheckout('enterprise');
    expect(session.url).toMatch(new RegExp(`^${standIn.url}/checkout/`));
    expect(session.mode).toBe('subscription');
    expect(session.metadata).toMatchObject({ guildId, plan: 'enterprise' });
    expect(session.success_url).toBe(
      `${system.web.url}/billing/return/stripe?guild=${guildId}&session_id={CHECKOUT_SESSION_ID}`,
    );
    expect(session.cancel_url).toBe(`${system.web.url}/guilds/${guildId}/billing?checkout=canceled`);
  });

  it('refuses bad input naming each field, and a provider this server does not use', async () => {
    const bad = await post(`/api/v1/guilds/${guildId}/billing/checkout`, { provider: 'bitcoin', plan: 'free' });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { code: string; problems: { path: string }[] } };
    expect(error.code).toBe('invalid_request');
    expect(error.problems.map((problem) => problem.path).sort()).toEqual(['plan', 'provider']);
    const patreon = await post(`/api/v1/guilds/${guildId}/billing/checkout`, { provider: 'patreon', plan: 'pro' });
    expect(patreon.status).toBe(404);
    expect(((await patreon.json()) as { error: { code: string } }).error.code).toBe('provider_not_configured');
  });

  it('is for admins only: staff are refused with 403', async () => {
    const staff = (await system.web.signIn(system.web.userId(system.web.guildA, 'sam'))).cookie;
    const response = await post(
      `/api/v1/guilds/${guildId}/billing/checkout`,
      { provider: 'stripe', plan: 'pro' },
      staff,
    );
    expect(response.status).toBe(403);
  });

  it('refuses a second subscription while the guild pays through a live one', async () => {
    await subscribed();
    const response = await post(`/api/v1/guilds/${guildId}/billing/checkout`, { provider: 'stripe', plan: 'pro' });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: 'already_subscribed', message: expect.stringContaining('already pays through Stripe') },
    });
  });
});

describe('a PayPal checkout', () => {
  it("sends the admin to PayPal's approval and, back from it, signals the subscription PayPal confirms", async () => {
    const guildB = system.web.guildB.guild.id;
    const ownerB = (await system.web.signIn(system.web.userId(system.web.guildB, 'owner'))).cookie;
    const started = await post(
      `/api/v1/guilds/${guildB}/billing/checkout`,
      { provider: 'paypal', plan: 'pro' },
      ownerB,
    );
    expect(started.status).toBe(200);
    const { url } = (await started.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${paypalStandIn.baseUrl}/webapps/billing/subscriptions\\?ba_token=`));

    // The buyer agrees on PayPal's page, which sends them back with the subscription's id.
    const agreed = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams({ decision: 'approve' }),
      redirect: 'manual',
    });
    const back = new URL(agreed.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(`${system.web.url}/billing/return/paypal`);
    const subscriptionId = back.searchParams.get('subscription_id') ?? '';
    const returned = await system.web.request(`${back.pathname}${back.search}`);
    expect(returned.status).toBe(303);
    expect(returned.headers.get('location')).toBe(`/guilds/${guildB}/billing?checkout=complete`);
    expect(await system.signalledEvents('paypal', subscriptionId)).toEqual([
      expect.objectContaining({ eventId: `checkout-return:${subscriptionId}`, type: 'checkout.returned' }),
    ]);
  });
});

describe('the return from checkout', () => {
  it('signals the subscription Stripe confirms, once per checkout however often the page is loaded', async () => {
    const session = await openCheckout();
    const subscriptionId = await pay(session);
    for (let load = 0; load < 2; load += 1) {
      const back = await system.web.request(returnPathOf(session));
      expect(back.status).toBe(303);
      expect(back.headers.get('location')).toBe(`/guilds/${guildId}/billing?checkout=complete`);
    }
    const signalled = await system.signalledEvents('stripe', subscriptionId);
    expect(signalled.map((event) => event.eventId)).toEqual([
      `checkout-return:${session.id}`,
      `checkout-return:${session.id}`,
    ]);
    expect(signalled[0]).toMatchObject({ provider: 'stripe', subscriptionId, type: 'checkout.returned' });
  });

  it('signals nothing for a checkout not paid, or one Stripe does not know, and says so', async () => {
    const unpaid = await openCheckout();
    const back = await system.web.request(returnPathOf(unpaid));
    expect(back.headers.get('location')).toBe(`/guilds/${guildId}/billing?checkout=incomplete`);
    const forged = await system.web.request(`/billing/return/stripe?guild=${guildId}&session_id=cs_test_NoSuchSession`);
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toBe(`/guilds/${guildId}/billing?checkout=incomplete`);
    const elsewhere = await system.web.request('/billing/return/stripe?guild=https://evil.example&session_id=x');
    expect(elsewhere.headers.get('location')).toBe('/guilds?checkout=incomplete');
  });

  it('says the plan is pending when Temporal cannot take it now (the webhook brings it later)', async () => {
    const session = await openCheckout();
    const subscriptionId = await pay(session);
    system.temporalRelay.cut();
    const back = await system.web.request(returnPathOf(session));
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`/guilds/${guildId}/billing?checkout=pending`);
    expect(await system.signalledEvents('stripe', subscriptionId)).toEqual([]);
  });
});

describe('managing and cancelling the subscription', () => {
  it('answers 404 when the guild has no live subscription, and 400 to half a name of one', async () => {
    const guildB = system.web.guildB.guild.id;
    const ownerB = (await system.web.signIn(system.web.userId(system.web.guildB, 'owner'))).cookie;
    for (const action of ['manage', 'cancel']) {
      const response = await post(`/api/v1/guilds/${guildB}/billing/${action}`, {}, ownerB);
      expect(response.status, action).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('no_subscription');
      const half = await post(`/api/v1/guilds/${guildB}/billing/${action}`, { provider: 'stripe' }, ownerB);
      expect(half.status, action).toBe(400);
      const { error } = (await half.json()) as { error: { problems: { path: string }[] } };
      expect(error.problems.map((problem) => problem.path)).toEqual(['subscriptionId']);
    }
  });

  it("opens Stripe's billing portal for the guild's subscription, returning to the billing page", async () => {
    const { subscriptionId } = await subscribed();
    const response = await post(`/api/v1/guilds/${guildId}/billing/manage`, { provider: 'stripe', subscriptionId });
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^${standIn.url}/billing_portal/`));
  });

  it('asks which subscription when the guild has several live ones', async () => {
    await subscribed();
    await subscribed();
    const response = await post(`/api/v1/guilds/${guildId}/billing/manage`, {});
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('several_subscriptions');
  });

  it('cancels at period end at Stripe, tells the workflow, and says until when the plan stays', async () => {
    const { subscriptionId, currentPeriodEnd } = await subscribed();
    const response = await post(`/api/v1/guilds/${guildId}/billing/cancel`, { provider: 'stripe', subscriptionId });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'canceled_at_period_end',
      endsAt: new Date(currentPeriodEnd).toISOString(),
    });
    const atStripe = await stripe.subscriptions.retrieve(subscriptionId);
    expect(atStripe.cancel_at_period_end).toBe(true);
    expect(atStripe.status).toBe('active');
    const signalled = await system.signalledEvents('stripe', subscriptionId);
    expect(signalled).toEqual([expect.objectContaining({ type: 'panel.cancel_at_period_end', subscriptionId })]);
  });

  it("never acts on another guild's subscription, whatever the body names", async () => {
    const { subscriptionId } = await subscribed();
    const guildB = system.web.guildB.guild.id;
    const ownerB = (await system.web.signIn(system.web.userId(system.web.guildB, 'owner'))).cookie;
    for (const action of ['manage', 'cancel']) {
      const response = await post(
        `/api/v1/guilds/${guildB}/billing/${action}`,
        { provider: 'stripe', subscriptionId },
        ownerB,
      );
      expect(response.status, action).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('subscription_not_found');
    }
    expect((await stripe.subscriptions.retrieve(subscriptionId)).cancel_at_period_end).toBe(false);
  });
});
