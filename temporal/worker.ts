import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createDiscordRest } from '../activities/discord/index.ts';
import { createGuildSettingsActivities, createTicketActivities } from '../activities/index.ts';
import { describeTranscriptStorage, openTranscriptStorage } from '../activities/transcripts/index.ts';
import { loadWorkerConfig } from '../config/worker-config.ts';
import { createPrismaClient } from '../prisma/client.ts';

/** The ticket worker: runs ticket workflows and their activities until SIGINT or SIGTERM, then drains and exits. */
async function run(): Promise<void> {
  const config = loadWorkerConfig();
  // Before anything else: a bucket that cannot be used stops the worker with what to fix.
  const transcriptStorage = await openTranscriptStorage(config.transcriptStorage);
  const prisma = createPrismaClient(config.databaseUrl);
  const connection = await NativeConnection.connect(config.temporal.connection);
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
      activities: {
        ...createTicketActivities({
          prisma,
          discordRest: createDiscordRest(config.discord),
          transcriptStorage,
          notices: { publicUrl: config.publicUrl },
        }),
        ...createGuildSettingsActivities(prisma),
      },
    });
    console.log(
      `[ticketflow] worker polling ${config.temporal.taskQueue} on ${config.temporal.address} (namespace ${config.temporal.namespace}); ` +
        `transcripts in ${describeTranscriptStorage(config.transcriptStorage)}`,
    );
    await worker.run();
  } finally {
    await connection.close();
    await prisma.$disconnect();
  }
}

run().catch((err) => {
  console.error('[ticketflow] worker stopped:', err instanceof Error ? err.message : err);
  process.exit(1);
});
