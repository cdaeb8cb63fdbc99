import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createSubscriptionActivities } from '../activities/billing/subscription-activities.ts';
import { createDiscordRest } from '../activities/discord/index.ts';
import { createGuildSettingsActivities, createTicketActivities } from '../activities/index.ts';
import { createRetentionActivities } from '../activities/retention/create-retention-activities.ts';
import { createBillingProviders } from '../billing/index.ts';
import { loadPatreonConfig } from '../config/billing/patreon-config.ts';
import { loadPayPalConfig } from '../config/billing/paypal-config.ts';
import { loadStripeConfig } from '../config/billing/stripe-config.ts';
import { loadWorkerConfig } from '../config/worker-config.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { createPatreonAccountLinks } from '../store/patreon-account-links.ts';
import { ticketActivityLogContext } from '../telemetry/activity-log-context.ts';
import { startHealthServer } from '../telemetry/health-server.ts';
import { log, setProcessLogger } from '../telemetry/log-context.ts';
import { createLogger } from '../telemetry/logger.ts';
import { createMetricsRegistry } from '../telemetry/metrics-registry.ts';
import { onShutdownSignal } from '../telemetry/shutdown-signals.ts';
import { installTemporalRuntime } from '../telemetry/temporal-runtime.ts';
import { describeTranscriptStorage, openTranscriptStorage } from '../transcripts/index.ts';
import { ensureRetentionSchedule } from './retention-schedule.ts';
import { type WorkerState, workerReadiness } from './worker-readiness.ts';
import { workerWorkflowCode } from './workflow-code.ts';

/** A stop that outlasts the grace period by this much gives up on activities that ignore their cancellation. */
const FORCED_STOP_AFTER_GRACE_MS = 5_000;

/**
 * The ticket worker: runs ticket workflows and their activities. Ready once it polls and Temporal answers. On
 * SIGTERM or SIGINT it stops polling, lets running activities finish for the grace period, and exits.
 */
async function run(): Promise<void> {
  const config = loadWorkerConfig();
  const { telemetry } = config;
  const logger = createLogger('worker', telemetry.logLevel);
  setProcessLogger(logger);
  installTemporalRuntime({ logger, level: telemetry.logLevel, metricsPort: telemetry.temporalMetricsPort });
  // Before anything else: a bucket that cannot be used stops the worker with what to fix.
  const transcriptStorage = await openTranscriptStorage(config.transcriptStorage);

  const state: WorkerState = { stopping: false };
  const health = await startHealthServer({
    port: telemetry.healthPort,
    metrics: createMetricsRegistry(),
    readiness: workerReadiness(state),
  });
  onShutdownSignal(() => {
    state.stopping = true;
    // Before the worker exists (bundling, connecting) there is nothing to drain.
    if (state.worker?.getState() === 'RUNNING') state.worker.shutdown();
    else process.exit(0);
  });

  const prisma = createPrismaClient(config.databaseUrl);
  const connection = await NativeConnection.connect(config.temporal.connection);
  state.connection = connection;
  try {
    const { source, interceptors, ...workflows } = workerWorkflowCode(config.workflowBundlePath);
    if (config.workflowBundlePath && source !== config.workflowBundlePath) {
      log().warn({ workflowBundlePath: config.workflowBundlePath }, 'no workflow bundle there: bundling from source');
    }
    const discordRest = createDiscordRest(config.discord);
    const notices = { publicUrl: config.publicUrl };
    const worker = await Worker.create({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      ...workflows,
      interceptors: { ...interceptors, activity: [ticketActivityLogContext] },
      shutdownGraceTime: config.shutdownGraceMs,
      shutdownForceTime: config.shutdownGraceMs + FORCED_STOP_AFTER_GRACE_MS,
      activities: {
        ...createTicketActivities({ prisma, discordRest, transcriptStorage, notices, plans: config.plans }),
        ...createGuildSettingsActivities(prisma),
        ...createRetentionActivities({ prisma, storage: transcriptStorage, plans: config.plans }),
        ...createSubscriptionActivities({
          prisma,
          // The same provider settings as the web process's: the workflow asks the provider the webhook came from.
          providers: createBillingProviders(
            { stripe: loadStripeConfig(), paypal: loadPayPalConfig(), patreon: loadPatreonConfig() },
            { patreonAccountLinks: createPatreonAccountLinks(prisma) },
          ),
          discordRest,
          notices,
        }),
      },
    });
    state.worker = worker;
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const retentionSchedule = await ensureRetentionSchedule(client, { taskQueue: config.temporal.taskQueue });
    log().info(
      {
        taskQueue: config.temporal.taskQueue,
        address: config.temporal.address,
        namespace: config.temporal.namespace,
        workflows: source,
        transcripts: describeTranscriptStorage(config.transcriptStorage),
        healthPort: health?.port ?? 0,
        retentionSchedule,
        temporalMetricsPort: telemetry.temporalMetricsPort,
      },
      'worker polling',
    );
    await worker.run();
    log().info('worker stopped: running activities finished');
  } finally {
    await connection.close();
    await prisma.$disconnect();
    await health?.close();
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    log().fatal({ err: error }, 'worker stopped');
    process.exit(1);
  },
);
