/**
 * Records representative subscription histories for the replay test. Run on purpose only, when a deliberate,
 * patched workflow change should become the new baseline, with a throwaway Postgres cluster's superuser URL in
 * DATABASE_URL (as scripts/test.sh provides): `npm run fixtures:subscription-histories -- v2`.
 * Old fixtures are kept: subscriptions of every released version must keep replaying.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { subscriptionWorkflowId } from '../../domain/subscription.ts';
import {
  DAY,
  HOUR,
  stripeSubscription,
  withSubscriptionWorker,
} from '../workflows/subscription/subscription-harness.ts';
import { createTestDatabase } from './database.ts';
import { bundleTicketWorkflows, startTimeSkippingServer } from './temporal.ts';

const fixturesDir = fileURLToPath(new URL('../fixtures/subscription-histories/', import.meta.url));
const version = process.argv[2] ?? 'v1';

async function save(env: TestWorkflowEnvironment, name: string, subscriptionId: string, runId?: string) {
  const handle = env.client.workflow.getHandle(subscriptionWorkflowId('stripe', subscriptionId), runId);
  const history = await handle.fetchHistory();
  await writeFile(`${fixturesDir}${version}-${name}.json`, historyToJSON(history));
  console.log(`recorded ${version}-${name} (${history.events?.length ?? 0} events)`);
}

async function record(): Promise<void> {
  await mkdir(fixturesDir, { recursive: true });
  const [env, bundle, database] = await Promise.all([
    startTimeSkippingServer(),
    bundleTicketWorkflows(),
    createTestDatabase(),
  ]);
  const run = (body: Parameters<typeof withSubscriptionWorker>[3]) =>
    withSubscriptionWorker(env, bundle, database.prisma, body);
  try {
    await run(async ({ provider, deliver, handle }) => {
      const t0 = await env.currentTimeMs();
      const id = 'sub_recorded_lifecycle';
      const failed = t0 + 37 * DAY;
      provider
        .at(t0, id, stripeSubscription(id, { status: 'trialing', period: [t0, t0 + 7 * DAY], trialEnd: t0 + 7 * DAY }))
        .at(t0 + 7 * DAY, id, stripeSubscription(id, { status: 'active', period: [t0 + 7 * DAY, failed] }))
        .at(
          failed,
          id,
          stripeSubscription(id, { status: 'past_due', period: [failed, t0 + 67 * DAY], paymentFailedAt: failed }),
        )
        .at(
          t0 + 45 * DAY,
          id,
          stripeSubscription(id, { status: 'ended', period: [failed, t0 + 67 * DAY], endedAt: t0 + 45 * DAY }),
        );
      await deliver(id, 'evt_created', 'customer.subscription.created');
      const firstRunId = (await handle(id).describe()).runId;
      await handle(id).result();
      await save(env, 'trial-first-run', id, firstRunId);
      await save(env, 'grace-ran-out-last-run', id);
    });

    await run(async ({ provider, deliver, handle }) => {
      const t0 = await env.currentTimeMs();
      const id = 'sub_recorded_recovery';
      const unpaid: [number, number] = [t0, t0 + 30 * DAY];
      provider
        .at(t0, id, stripeSubscription(id, { status: 'past_due', period: unpaid, paymentFailedAt: t0 }))
        .at(t0 + DAY + 6 * HOUR, id, stripeSubscription(id, { status: 'active', period: unpaid }))
        .at(t0 + 2 * DAY + 12 * HOUR, id, stripeSubscription(id, { status: 'canceled_at_period_end', period: unpaid }));
      await deliver(id, 'evt_failed', 'invoice.payment_failed');
      await env.sleep(DAY + 6 * HOUR);
      await deliver(id, 'evt_paid', 'invoice.paid');
      await env.sleep(DAY + 6 * HOUR);
      await deliver(id, 'evt_cancel');
      await deliver(id, 'evt_paid', 'invoice.paid');
      await handle(id).result();
      await save(env, 'recovered-then-cancelled-at-period-end', id);
    });

    await run(async ({ provider, deliver, handle }) => {
      const t0 = await env.currentTimeMs();
      const id = 'sub_recorded_plan_changes';
      const period: [number, number] = [t0, t0 + 30 * DAY];
      provider
        .at(t0, id, stripeSubscription(id, { status: 'active', plan: 'pro', period }))
        .at(t0 + 5 * HOUR, id, stripeSubscription(id, { status: 'active', plan: 'enterprise', period }))
        .at(t0 + DAY + 10 * HOUR, id, stripeSubscription(id, { status: 'active', plan: 'pro', period }))
        .at(t0 + 3 * DAY, id, null);
      await deliver(id, 'evt_created', 'customer.subscription.created');
      await env.sleep(5 * HOUR);
      await deliver(id, 'evt_upgrade');
      await deliver(id, 'evt_created', 'customer.subscription.created');
      await env.sleep(DAY + 5 * HOUR);
      await deliver(id, 'evt_downgrade');
      await handle(id).result();
      await save(env, 'plan-changes-then-deleted', id);
    });
  } finally {
    await env.teardown();
    await database.cleanup();
  }
}

record().catch((err) => {
  console.error(err);
  process.exit(1);
});
