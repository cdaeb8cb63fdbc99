import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { PlanId } from '../../../domain/plans.ts';
import {
  type ProviderEvent,
  type ProviderSubscription,
  type SubscriptionStatus,
  subscriptionWorkflowId,
} from '../../../domain/subscription.ts';
import { deliverProviderEvent } from '../../../temporal/subscription-client.ts';
import {
  type SubscriptionActivities,
  type SubscriptionView,
  subscriptionStateQuery,
} from '../../../workflows/subscription/definitions.ts';
import { terminateStillRunning } from '../../support/ticket-harness.ts';
import { timeSkippingSuite } from '../../support/time-skipping-suite.ts';
import { ProviderStandIn } from './provider-stand-in.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const guildId = '100000000000000001';

/** A Stripe subscription of the test guild, as the provider client normalises it. */
export function stripeSubscription(
  subscriptionId: string,
  fields: {
    status: SubscriptionStatus;
    plan?: PlanId;
    period: [start: number, end: number];
    trialEnd?: number;
    paymentFailedAt?: number;
    endedAt?: number;
  },
): ProviderSubscription {
  return {
    provider: 'stripe',
    subscriptionId,
    customerId: 'cus_test',
    holder: { kind: 'guild', guildId },
    plan: fields.plan ?? 'pro',
    status: fields.status,
    currentPeriodStart: fields.period[0],
    currentPeriodEnd: fields.period[1],
    trialEnd: fields.trialEnd ?? null,
    paymentFailedAt: fields.paymentFailedAt ?? null,
    endedAt: fields.endedAt ?? null,
    price: { amountMinor: fields.plan === 'enterprise' ? 4900 : 900, currency: 'usd', interval: 'month' },
  };
}

type Recorded<K extends keyof SubscriptionActivities> = Parameters<SubscriptionActivities[K]>[0] & { calledAt: number };

/** The entitlement and notice side of the world, recorded with the server time each call was made at. */
export class RecordingEntitlements {
  readonly grants: Recorded<'grantEntitlement'>[] = [];
  readonly ends: Recorded<'endEntitlement'>[] = [];
  readonly notices: Recorded<'notifyBilling'>[] = [];

  grantsOf(subscriptionId: string) {
    return this.grants.filter((grant) => grant.subscription.subscriptionId === subscriptionId);
  }
  endsOf(subscriptionId: string) {
    return this.ends.filter((end) => end.subscriptionId === subscriptionId);
  }
  noticesOf(subscriptionId: string) {
    return this.notices.filter((notice) =>
      notice.key.startsWith(`${subscriptionWorkflowId('stripe', subscriptionId)}:`),
    );
  }

  readonly activities: Omit<SubscriptionActivities, 'fetchProviderSubscription'> = {
    grantEntitlement: async (input) => {
      this.grants.push({ ...input, calledAt: calledAt() });
    },
    endEntitlement: async (input) => {
      this.ends.push({ ...input, calledAt: calledAt() });
    },
    notifyBilling: async (input) => {
      this.notices.push({ ...input, calledAt: calledAt() });
    },
  };
}

function calledAt(): number {
  return Context.current().info.currentAttemptScheduledTimestampMs;
}

export interface SubscriptionHarness {
  provider: ProviderStandIn;
  world: RecordingEntitlements;
  taskQueue: string;
  /**
   * A verified webhook about the subscription, delivered as the web route does. Tests deliver hours away from the
   * workflow's checks (its daily one runs a whole number of days after the last): the time-skipping server strands
   * a run whose workflow task cancels a timer that fired meanwhile ("invalid history builder state for action",
   * temporalio/sdk-java#3088), which a real server does not.
   */
  deliver(subscriptionId: string, eventId: string, type?: string): Promise<void>;
  state(subscriptionId: string): Promise<SubscriptionView>;
  handle(subscriptionId: string): ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>;
}

/** Runs `body` with a worker on its own task queue, the provider stand-in and recorded entitlements behind it. */
export async function withSubscriptionWorker<T>(
  env: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  body: (harness: SubscriptionHarness) => Promise<T>,
): Promise<T> {
  const provider = new ProviderStandIn();
  const world = new RecordingEntitlements();
  const taskQueue = `subscriptions-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle: bundle,
    activities: { ...world.activities, fetchProviderSubscription: provider.fetchProviderSubscription },
  });
  const started: string[] = [];
  const handle = (subscriptionId: string) =>
    env.client.workflow.getHandle(subscriptionWorkflowId('stripe', subscriptionId));
  const harness: SubscriptionHarness = {
    provider,
    world,
    taskQueue,
    async deliver(subscriptionId, eventId, type = 'customer.subscription.updated') {
      started.push(subscriptionWorkflowId('stripe', subscriptionId));
      const event: ProviderEvent = {
        provider: 'stripe',
        eventId,
        type,
        subscriptionId,
        occurredAt: await env.currentTimeMs(),
      };
      await deliverProviderEvent(env.client, event, { taskQueue });
    },
    state: (subscriptionId) => handle(subscriptionId).query(subscriptionStateQuery),
    handle,
  };
  return worker.runUntil(async () => {
    try {
      return await body(harness);
    } finally {
      await terminateStillRunning(env, started);
    }
  });
}

/** One time-skipping server and one workflow bundle per test file; each test gets its own worker and provider. */
export function subscriptionSuite() {
  const suite = timeSkippingSuite();
  return {
    env: suite.env,
    withWorker: <T>(body: (harness: SubscriptionHarness) => Promise<T>) =>
      withSubscriptionWorker(suite.env(), suite.bundle(), body),
  };
}
