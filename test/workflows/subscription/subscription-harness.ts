import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import { createEntitlementActivities } from '../../../activities/billing/entitlement-activities.ts';
import type { PlanId } from '../../../domain/plans.ts';
import {
  type ProviderEvent,
  type ProviderSubscription,
  type SubscriptionStatus,
  subscriptionWorkflowId,
} from '../../../domain/subscription.ts';
import type { PrismaClient } from '../../../prisma/client.ts';
import { deliverProviderEvent } from '../../../temporal/subscription-client.ts';
import {
  type SubscriptionActivities,
  type SubscriptionView,
  subscriptionStateQuery,
} from '../../../workflows/subscription/definitions.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { eventually, terminateStillRunning } from '../../support/ticket-harness.ts';
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

/**
 * The entitlement side of the world: the real Postgres-backed activities, each call also recorded with the server
 * time it was made at, so tests can say when as well as what. Notices are recorded here.
 */
export class RecordingEntitlements {
  readonly grants: Recorded<'grantEntitlement'>[] = [];
  readonly ends: Recorded<'endEntitlement'>[] = [];
  readonly notices: Recorded<'notifyBilling'>[] = [];
  readonly activities: Omit<SubscriptionActivities, 'fetchProviderSubscription'>;

  constructor(prisma: PrismaClient) {
    const entitlements = createEntitlementActivities(prisma);
    this.activities = {
      grantEntitlement: async (input) => {
        this.grants.push({ ...input, calledAt: calledAt() });
        await entitlements.grantEntitlement(input);
      },
      endEntitlement: async (input) => {
        this.ends.push({ ...input, calledAt: calledAt() });
        await entitlements.endEntitlement(input);
      },
      notifyBilling: async (input) => {
        this.notices.push({ ...input, calledAt: calledAt() });
      },
    };
  }

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
}

function calledAt(): number {
  return Context.current().info.currentAttemptScheduledTimestampMs;
}

export interface SubscriptionHarness {
  prisma: PrismaClient;
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
  prisma: PrismaClient,
  body: (harness: SubscriptionHarness) => Promise<T>,
): Promise<T> {
  const provider = new ProviderStandIn();
  const world = new RecordingEntitlements(prisma);
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
    prisma,
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
      await untilSettled(env, started);
      await terminateStillRunning(env, started);
    }
  });
}

/** Per test file: one time-skipping server, one workflow bundle and one database; each test its own worker. */
export function subscriptionSuite() {
  const suite = timeSkippingSuite();
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.cleanup();
  });
  const prisma = () => {
    if (!database) throw new Error('the subscription suite has no database yet');
    return database.prisma;
  };
  return {
    env: suite.env,
    prisma,
    withWorker: <T>(body: (harness: SubscriptionHarness) => Promise<T>) =>
      withSubscriptionWorker(suite.env(), suite.bundle(), prisma(), body),
  };
}

/** The entitlement a provider subscription's grants wrote, as the store holds it. */
export function entitlementOf(prisma: PrismaClient, subscriptionId: string) {
  return prisma.entitlement.findUniqueOrThrow({
    where: { subscriptionProvider_subscriptionId: { subscriptionProvider: 'stripe', subscriptionId } },
    include: { audits: { orderBy: { id: 'asc' } } },
  });
}

/**
 * Waits until no activity or workflow task of these workflows is in flight. A daily check can fire just as a test's
 * last skip ends; terminating the workflow while its fetch runs leaves the time-skipping server holding time for that
 * activity, and every later test's skip then hangs.
 */
async function untilSettled(env: TestWorkflowEnvironment, workflowIds: string[]): Promise<void> {
  for (const workflowId of new Set(workflowIds)) {
    await eventually(async () => {
      const { raw, status } = await env.client.workflow.getHandle(workflowId).describe();
      const busy = (raw.pendingActivities?.length ?? 0) > 0 || raw.pendingWorkflowTask != null;
      if (status.name === 'RUNNING' && busy) throw new Error(`${workflowId} is still working`);
    });
  }
}
