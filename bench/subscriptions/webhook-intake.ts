/**
 * Webhook intake: how many payment-provider webhooks the web process takes a second, and how long each waits for
 * its answer, which comes once Temporal has the signal (verify the signature, record the delivery, signal-with-start
 * the subscription's workflow). Beside it, in the same run on the same dev server, the bare signal-with-start rate
 * of the same events sent straight from a Temporal client: the floor the route's own work adds to.
 *
 *   npm run bench:subscriptions -- [--events 1000] [--subscriptions 200] [--concurrency 20]
 *
 * Stripe's deliveries, signed as Stripe signs them, go to POST /webhooks/stripe of the web process as the tests
 * build it (test/web/billing/support/billing-web-system.ts: real fastify, Postgres and Temporal dev server, which
 * the web process and the bare client both reach through the same loopback relay). No worker runs: the measure ends
 * where Temporal has the signal. Prints a Markdown table (bench/subscriptions/RESULTS.md keeps a run's).
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createStripeProvider } from '../../billing/stripe/stripe-provider.ts';
import type { ProviderEvent } from '../../domain/subscription.ts';
import { deliverProviderEvent } from '../../temporal/subscription-client.ts';
import { signedStripeDelivery, stripeSubscriptionEvent } from '../../test/support/stripe-events.ts';
import { startBillingWebSystem } from '../../test/web/billing/support/billing-web-system.ts';
import { markdownTable } from '../tickets/markdown-table.ts';
import { measureRate, percentile, type RateMeasurement } from '../tickets/measure-rate.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000' },
    subscriptions: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '20' },
  },
});
const eventCount = Number(values.events);
const subscriptionCount = Number(values.subscriptions);
const concurrency = Number(values.concurrency);
const WEBHOOK_SECRET = 'whsec_bench_webhook_intake';
/** The life of a subscription as Stripe reports it, cycled through for each subscription's events. */
const EVENT_TYPES = [
  'checkout.session.completed',
  'customer.subscription.created',
  'invoice.paid',
  'customer.subscription.updated',
  'invoice.payment_failed',
];

/** `eventCount` events spread evenly over `subscriptionCount` subscriptions of the run `prefix`, interleaved. */
function eventsOf(prefix: string): { subscriptionId: string; type: string }[] {
  return Array.from({ length: eventCount }, (_, index) => ({
    subscriptionId: `sub_${prefix}_${index % subscriptionCount}`,
    type: EVENT_TYPES[Math.floor(index / subscriptionCount) % EVENT_TYPES.length] ?? 'invoice.paid',
  }));
}

function row(what: string, measured: RateMeasurement): string[] {
  return [
    what,
    measured.perSecond.toFixed(0),
    percentile(measured.latenciesMs, 50).toFixed(1),
    percentile(measured.latenciesMs, 99).toFixed(1),
    Math.max(...measured.latenciesMs).toFixed(1),
  ];
}

async function main(): Promise<void> {
  const stripe = createStripeProvider({
    secretKey: 'sk_test_bench',
    webhookSecret: WEBHOOK_SECRET,
    // Verifying a webhook makes no API call.
    apiBaseUrl: 'http://127.0.0.1:9',
    prices: { pro: 'price_bench_pro', enterprise: 'price_bench_enterprise' },
  });
  const system = await startBillingWebSystem({ providers: () => ({ stripe }) });
  const connection = await NativeConnection.connect({ address: system.temporalRelay.address });
  try {
    const bare = new Client({ connection, namespace: system.temporal.namespace ?? 'default' });
    // Signed before the clock starts, as Stripe signs before it sends.
    const deliveries = eventsOf('route').map(({ subscriptionId, type }) =>
      signedStripeDelivery(stripeSubscriptionEvent(type, subscriptionId), WEBHOOK_SECRET),
    );
    const bareEvents: ProviderEvent[] = eventsOf('bare').map(({ subscriptionId, type }, index) => ({
      provider: 'stripe',
      eventId: `evt_bench_bare_${index}`,
      type,
      subscriptionId,
      occurredAt: Date.now(),
    }));

    // Warm both paths (connections, the route's first compile) outside the measures.
    await system.postWebhook(
      'stripe',
      signedStripeDelivery(stripeSubscriptionEvent('invoice.paid', 'sub_warm'), WEBHOOK_SECRET),
    );
    const warm: ProviderEvent = {
      provider: 'stripe',
      eventId: 'evt_bench_warm',
      type: 'invoice.paid',
      subscriptionId: 'sub_warm_bare',
      occurredAt: Date.now(),
    };
    await deliverProviderEvent(bare, warm, { taskQueue: system.taskQueue });

    const throughRoute = await measureRate(deliveries.length, concurrency, async (index) => {
      const response = await system.postWebhook('stripe', deliveries[index] as (typeof deliveries)[number]);
      if (response.status !== 200) throw new Error(`delivery ${index} answered ${response.status}`);
      await response.body?.cancel();
    });
    const bareSignals = await measureRate(bareEvents.length, concurrency, async (index) => {
      await deliverProviderEvent(bare, bareEvents[index] as ProviderEvent, { taskQueue: system.taskQueue });
    });

    console.log(
      `${eventCount} events over ${subscriptionCount} subscriptions, ${concurrency} in flight; ` +
        `${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    );
    console.log(
      markdownTable(
        ['path', 'events/s', 'p50 (ms)', 'p99 (ms)', 'max (ms)'],
        [
          row('POST /webhooks/stripe → 200 (signal taken by Temporal)', throughRoute),
          row('bare signal-with-start, same dev server', bareSignals),
        ],
      ),
    );
  } finally {
    await connection.close();
    await system.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
