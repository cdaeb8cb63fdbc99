import { setTimeout as sleep } from 'node:timers/promises';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEntitlementActivities } from '../../../activities/billing/entitlement-activities.ts';
import type { BillingProviders } from '../../../billing/index.ts';
import type { BillingProvider } from '../../../billing/provider.ts';
import { createStripeProvider } from '../../../billing/stripe/stripe-provider.ts';
import { subscriptionWorkflowId } from '../../../domain/subscription.ts';
import { listEntitlementAudit } from '../../../store/entitlements/entitlement-audit.ts';
import {
  type SubscriptionActivities,
  type SubscriptionView,
  subscriptionStateQuery,
} from '../../../workflows/subscription/definitions.ts';
import { signedStripeDelivery } from '../../support/stripe-events.ts';
import { type StripeStandInForTests, startStripeStandInForTests } from '../../support/stripe-stand-in.ts';
import { bundleTicketWorkflows } from '../../support/temporal.ts';
import { type BillingWebSystem, startBillingWebSystem } from './support/billing-web-system.ts';

/**
 * What the webhooks do to a guild's plan, end to end: Stripe's own events for a subscription's life (the stand-in
 * makes them as Stripe would), posted to the real route, taken by the real subscription workflow on a worker with
 * the real provider and entitlement activities, ending in the entitlement store. However the deliveries come
 * (once each, each three times, in reverse), the end is the same; and one taken while no worker runs is applied
 * once one does.
 */
let standIn: StripeStandInForTests;
let stripe: BillingProvider;
let providers: BillingProviders;
let system: BillingWebSystem;
let bundle: WorkflowBundleWithSourceMap;
let guildId: string;
/** Billing notices the workflow asked for: none in these lives, which all stay paid. */
const notices: Parameters<SubscriptionActivities['notifyBilling']>[0][] = [];

beforeAll(async () => {
  standIn = await startStripeStandInForTests();
  stripe = createStripeProvider(standIn.config);
  providers = { stripe };
  [system, bundle] = await Promise.all([
    startBillingWebSystem({ providers: () => providers }),
    bundleTicketWorkflows(),
  ]);
  guildId = system.web.guildA.guild.id;
}, 180_000);

afterAll(async () => {
  await system?.close();
  await standIn?.close();
});

/** The subscription workflow's worker as the worker process runs it, on the task queue the web process signals. */
function subscriptionWorker(): Promise<Worker> {
  const activities: SubscriptionActivities = {
    ...createEntitlementActivities(system.db.prisma),
    async fetchProviderSubscription({ provider, subscriptionId }) {
      const client = providers[provider];
      if (!client) throw new Error(`${provider} is not configured`);
      return client.fetchSubscription(subscriptionId);
    },
    async notifyBilling(input) {
      notices.push(input);
    },
  };
  return Worker.create({
    connection: system.temporal.nativeConnection,
    namespace: system.temporal.namespace ?? 'default',
    taskQueue: system.taskQueue,
    workflowBundle: bundle,
    activities,
  });
}

/** A paid checkout for guild A cancelled at period end by its buyer: Stripe's events of that life, in order. */
async function lifeAtStripe(): Promise<{ subscriptionId: string; events: Stripe.Event[] }> {
  const { url } = await stripe.startCheckout({
    plan: 'pro',
    guildId,
    userId: system.web.userId(system.web.guildA, 'owner'),
    returnUrl: `${system.web.url}/billing/return/stripe`,
    cancelUrl: `${system.web.url}/guilds/${guildId}/billing`,
  });
  const paid = await standIn.control.completeCheckout(url);
  const cancelled = await standIn.control.cancel(paid.subscription.id, { atPeriodEnd: true });
  return { subscriptionId: paid.subscription.id, events: [...paid.events, ...cancelled.events] };
}

/** Posts each event as Stripe delivers it; answers how many were accepted (the others are about no subscription). */
async function post(events: Stripe.Event[]): Promise<number> {
  let accepted = 0;
  for (const event of events) {
    const response = await system.postWebhook('stripe', signedStripeDelivery(event, standIn.config.webhookSecret));
    expect(response.status, event.type).toBe(200);
    if (((await response.json()) as { outcome: string }).outcome === 'accepted') accepted += 1;
  }
  return accepted;
}

/** What the guild ends up with: the workflow's view and the entitlement with its history, ids left out. */
async function endState(subscriptionId: string) {
  const view = await system.temporal.client.workflow
    .getHandle(subscriptionWorkflowId('stripe', subscriptionId))
    .query(subscriptionStateQuery);
  const entitlement = await system.db.prisma.entitlement.findUnique({
    where: { subscriptionProvider_subscriptionId: { subscriptionProvider: 'stripe', subscriptionId } },
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
async function settled(subscriptionId: string): Promise<Awaited<ReturnType<typeof endState>>> {
  for (const deadline = Date.now() + 30_000; ; ) {
    const state = await endState(subscriptionId).catch(() => null);
    if (state?.view.status === 'canceled_at_period_end' && state.entitlement?.endsAt === state.view.currentPeriodEnd)
      return state;
    if (Date.now() > deadline) throw new Error(`${subscriptionId} did not settle: ${JSON.stringify(state)}`);
    await sleep(200);
  }
}

describe('webhooks to the end state', () => {
  it('applies a webhook taken while no worker runs once a worker comes back', async () => {
    const { subscriptionId, events } = await lifeAtStripe();
    const accepted = await post(events);
    // Temporal has the events; with no worker, nothing is applied yet.
    expect(accepted).toBeGreaterThan(0);
    expect(await system.signalledEvents('stripe', subscriptionId)).toHaveLength(accepted);
    await sleep(500);
    expect(
      await system.db.prisma.entitlement.count({ where: { subscriptionProvider: 'stripe', subscriptionId } }),
    ).toBe(0);

    const worker = await subscriptionWorker();
    const state = await worker.runUntil(settled(subscriptionId));
    expect(state.entitlement).toMatchObject({ guildId, plan: 'pro', source: 'stripe' });
  });

  it('ends in the same state whether each event comes once in order, three times, or in reverse', async () => {
    const worker = await subscriptionWorker();
    await worker.runUntil(async () => {
      const inOrder = await lifeAtStripe();
      const thrice = await lifeAtStripe();
      const reversed = await lifeAtStripe();
      await post(inOrder.events);
      const acceptedThrice = await post(thrice.events.flatMap((event) => [event, event, event]));
      await post([...reversed.events].reverse());

      const [once, tripled, backwards] = await Promise.all([
        settled(inOrder.subscriptionId),
        settled(thrice.subscriptionId),
        settled(reversed.subscriptionId),
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
      expect(once.entitlement).toMatchObject({ guildId, plan: 'pro', source: 'stripe' });
      // Granted once, until the period's end: no copy or late event granted, extended or ended it again.
      expect(once.audit).toEqual(['grant']);
      for (const [life, state] of [
        [inOrder, once],
        [thrice, tripled],
        [reversed, backwards],
      ] as const) {
        const atStripe = await stripe.fetchSubscription(life.subscriptionId);
        expect(state.view.currentPeriodEnd).toBe(atStripe?.currentPeriodEnd);
      }
      // Every copy reached the workflow, which applied each event id once: the same end, the same single history.
      const signalled = await system.signalledEvents('stripe', thrice.subscriptionId);
      expect(signalled).toHaveLength(acceptedThrice);
      expect(new Set(signalled.map((event) => event.eventId)).size).toBe(acceptedThrice / 3);
    });
    expect(notices).toEqual([]);
  });
});
