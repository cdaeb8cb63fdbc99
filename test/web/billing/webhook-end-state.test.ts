import { setTimeout as sleep } from 'node:timers/promises';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubscriptionActivities } from '../../../activities/billing/subscription-activities.ts';
import { createDiscordRest } from '../../../activities/discord/rest-client.ts';
import type { BillingProviders } from '../../../billing/index.ts';
import { PayPalProvider } from '../../../billing/paypal/paypal-provider.ts';
import type { BillingProvider } from '../../../billing/provider.ts';
import { createStripeProvider } from '../../../billing/stripe/stripe-provider.ts';
import { type BillingProviderName, subscriptionWorkflowId } from '../../../domain/subscription.ts';
import { type PayPalStandIn, startPayPalStandIn } from '../../../sandbox/billing/paypal/paypal-stand-in.ts';
import { listEntitlementAudit } from '../../../store/entitlements/entitlement-audit.ts';
import { type SubscriptionView, subscriptionStateQuery } from '../../../workflows/subscription/definitions.ts';
import { signedStripeDelivery } from '../../support/stripe-events.ts';
import { type StripeStandInForTests, startStripeStandInForTests } from '../../support/stripe-stand-in.ts';
import { bundleTicketWorkflows } from '../../support/temporal.ts';
import { type BillingWebSystem, startBillingWebSystem, type WebhookRequest } from './support/billing-web-system.ts';

/**
 * What the webhooks do to a guild's plan, end to end: Stripe's and PayPal's own deliveries for a subscription's life
 * (their stand-ins make and sign them as the providers would), posted to the real route, taken by the real
 * subscription workflow on a worker with the worker's own subscription activities, ending in the entitlement
 * store. However the deliveries come (once each, each three times, in reverse), the end is the same; and one taken
 * while no worker runs is applied once one does.
 */
let standIn: StripeStandInForTests;
let paypalStandIn: PayPalStandIn;
let stripe: BillingProvider;
let paypal: BillingProvider;
let providers: BillingProviders;
let system: BillingWebSystem;
let bundle: WorkflowBundleWithSourceMap;
let guildId: string;

beforeAll(async () => {
  standIn = await startStripeStandInForTests();
  paypalStandIn = await startPayPalStandIn({
    clientId: 'end-state',
    clientSecret: 'secret',
    webhookId: 'WH-END-STATE',
  });
  stripe = createStripeProvider(standIn.config);
  paypal = new PayPalProvider({
    clientId: 'end-state',
    clientSecret: 'secret',
    environment: 'sandbox',
    apiBaseUrl: paypalStandIn.baseUrl,
    planIds: { pro: paypalStandIn.plans[0]?.id },
    webhookId: 'WH-END-STATE',
    certOrigins: [paypalStandIn.baseUrl],
    manageUrl: `${paypalStandIn.baseUrl}/myaccount/autopay`,
  });
  providers = { stripe, paypal };
  [system, bundle] = await Promise.all([
    startBillingWebSystem({ providers: () => providers }),
    bundleTicketWorkflows(),
  ]);
  guildId = system.web.guildA.guild.id;
}, 180_000);

afterAll(async () => {
  await system?.close();
  await standIn?.close();
  await paypalStandIn?.close();
});

/** The subscription workflow's worker as the worker process runs it, on the task queue the web process signals. */
function subscriptionWorker(): Promise<Worker> {
  return Worker.create({
    connection: system.temporal.nativeConnection,
    namespace: system.temporal.namespace ?? 'default',
    taskQueue: system.taskQueue,
    workflowBundle: bundle,
    activities: createSubscriptionActivities({
      prisma: system.db.prisma,
      providers,
      discordRest: createDiscordRest({
        token: system.web.discord.bot.token,
        apiBaseUrl: system.web.discord.apiBaseUrl,
      }),
    }),
  });
}

/** A subscription's life at its provider, and the webhook deliveries the provider made of it, in order. */
interface Life {
  subscriptionId: string;
  deliveries: WebhookRequest[];
}

function checkoutFor(provider: BillingProvider) {
  return provider.startCheckout({
    plan: 'pro',
    guildId,
    userId: system.web.userId(system.web.guildA, 'owner'),
    returnUrl: `${system.web.url}/billing/return/${provider.name}`,
    cancelUrl: `${system.web.url}/guilds/${guildId}/billing`,
  });
}

/** A paid checkout for guild A, then cancelled by its buyer: Stripe keeps it to the period's end. */
async function lifeAtStripe(): Promise<Life> {
  const paid = await standIn.control.completeCheckout((await checkoutFor(stripe)).url);
  const cancelled = await standIn.control.cancel(paid.subscription.id, { atPeriodEnd: true });
  return {
    subscriptionId: paid.subscription.id,
    deliveries: [...paid.events, ...cancelled.events].map((event) =>
      signedStripeDelivery(event, standIn.config.webhookSecret),
    ),
  };
}

/** An approved subscription for guild A, then cancelled by its buyer on PayPal: it grants to the end of what was paid. */
async function lifeAtPayPal(): Promise<Life> {
  const token = new URL((await checkoutFor(paypal)).url).searchParams.get('ba_token') ?? '';
  const subscriptionId = paypalStandIn.state.findByApprovalToken(token)?.resource.id ?? '';
  const approved = await paypalStandIn.simulate('approve', subscriptionId);
  const cancelled = await paypalStandIn.simulate('cancel', subscriptionId);
  return { subscriptionId, deliveries: [...approved, ...cancelled] };
}

const LIVES: Record<'stripe' | 'paypal', () => Promise<Life>> = { stripe: lifeAtStripe, paypal: lifeAtPayPal };

/** Posts each delivery as the provider does; answers how many were accepted (the others are about no subscription). */
async function post(provider: BillingProviderName, deliveries: WebhookRequest[]): Promise<number> {
  let accepted = 0;
  for (const delivery of deliveries) {
    const response = await system.postWebhook(provider, delivery);
    expect(response.status).toBe(200);
    if (((await response.json()) as { outcome: string }).outcome === 'accepted') accepted += 1;
  }
  return accepted;
}

/** What the guild ends up with: the workflow's view and the entitlement with its history, ids left out. */
async function endState(provider: BillingProviderName, subscriptionId: string) {
  const view = await system.temporal.client.workflow
    .getHandle(subscriptionWorkflowId(provider, subscriptionId))
    .query(subscriptionStateQuery);
  const entitlement = await system.db.prisma.entitlement.findUnique({
    where: { subscriptionProvider_subscriptionId: { subscriptionProvider: provider, subscriptionId } },
  });
  const audit = entitlement ? await listEntitlementAudit(system.db.prisma, entitlement.id) : [];
  const { subscriptionId: _id, ...rest } = view;
  return {
    view: rest as Omit<SubscriptionView, 'subscriptionId'>,
    entitlement: entitlement && {
      guildId: entitlement.guildId,
      plan: entitlement.plan,
      source: entitlement.source,
      endsAt: entitlement.endsAt?.getTime() ?? null,
    },
    audit: audit.map((entry) => entry.action),
  };
}

/** Waits (the worker works meanwhile) until the subscription's entitlement says it ends at its period's end. */
async function settled(
  provider: BillingProviderName,
  subscriptionId: string,
): Promise<Awaited<ReturnType<typeof endState>>> {
  for (const deadline = Date.now() + 30_000; ; ) {
    const state = await endState(provider, subscriptionId).catch(() => null);
    if (state?.view.status === 'canceled_at_period_end' && state.entitlement?.endsAt === state.view.currentPeriodEnd)
      return state;
    if (Date.now() > deadline) throw new Error(`${subscriptionId} did not settle: ${JSON.stringify(state)}`);
    await sleep(200);
  }
}

describe.each(['stripe', 'paypal'] as const)('%s webhooks to the end state', (provider) => {
  it('applies webhooks taken while no worker runs once a worker comes back', async () => {
    const { subscriptionId, deliveries } = await LIVES[provider]();
    const accepted = await post(provider, deliveries);
    // Temporal has the events; with no worker, nothing is applied yet.
    expect(accepted).toBeGreaterThan(0);
    expect(await system.signalledEvents(provider, subscriptionId)).toHaveLength(accepted);
    await sleep(500);
    expect(
      await system.db.prisma.entitlement.count({ where: { subscriptionProvider: provider, subscriptionId } }),
    ).toBe(0);

    const worker = await subscriptionWorker();
    const state = await worker.runUntil(settled(provider, subscriptionId));
    expect(state.entitlement).toMatchObject({ guildId, plan: 'pro', source: provider });
  });

  it('ends in the same state whether each event comes once in order, three times, or in reverse', async () => {
    const worker = await subscriptionWorker();
    await worker.runUntil(async () => {
      const inOrder = await LIVES[provider]();
      const thrice = await LIVES[provider]();
      const reversed = await LIVES[provider]();
      await post(provider, inOrder.deliveries);
      const acceptedThrice = await post(
        provider,
        thrice.deliveries.flatMap((delivery) => [delivery, delivery, delivery]),
      );
      await post(provider, [...reversed.deliveries].reverse());

      const [once, tripled, backwards] = await Promise.all([
        settled(provider, inOrder.subscriptionId),
        settled(provider, thrice.subscriptionId),
        settled(provider, reversed.subscriptionId),
      ]);
      // Each period ends when its own checkout was paid: compare what is not a time, then each time with its own.
      const timeless = (state: Awaited<ReturnType<typeof endState>>) => ({
        ...state,
        view: { ...state.view, currentPeriodEnd: null },
        entitlement: state.entitlement && { ...state.entitlement, endsAt: null },
      });
      expect(timeless(tripled)).toEqual(timeless(once));
      expect(timeless(backwards)).toEqual(timeless(once));
      expect(once.view).toMatchObject({ status: 'canceled_at_period_end', plan: 'pro' });
      expect(once.entitlement).toMatchObject({ guildId, plan: 'pro', source: provider });
      // Granted once, until the period's end: no copy or late event granted, extended or ended it again.
      expect(once.audit).toEqual(['grant']);
      for (const [life, state] of [
        [inOrder, once],
        [thrice, tripled],
        [reversed, backwards],
      ] as const) {
        const atProvider = await providers[provider]?.fetchSubscription(life.subscriptionId);
        expect(state.view.currentPeriodEnd).toBe(atProvider?.currentPeriodEnd);
      }
      // Every copy reached the workflow, which applied each event id once: the same end, the same single history.
      const signalled = await system.signalledEvents(provider, thrice.subscriptionId);
      expect(signalled).toHaveLength(acceptedThrice);
      expect(new Set(signalled.map((event) => event.eventId)).size).toBe(acceptedThrice / 3);
    });
    // These lives stay paid to the period's end: the guild is told nothing.
    expect(await system.db.prisma.billingNotice.count()).toBe(0);
  });
});
