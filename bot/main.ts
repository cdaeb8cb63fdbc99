import { Events } from 'discord.js';
import { loadBotConfig } from '../config/bot-config.ts';
import { createPrismaClient } from '../prisma/client.ts';
import { createGuildConfigRepository } from '../store/guild-config-repository.ts';
import { startHealthServer } from '../telemetry/health-server.ts';
import { log, setProcessLogger } from '../telemetry/log-context.ts';
import { createLogger } from '../telemetry/logger.ts';
import { createMetricsRegistry } from '../telemetry/metrics-registry.ts';
import { onShutdownSignal } from '../telemetry/shutdown-signals.ts';
import { installTemporalRuntime } from '../telemetry/temporal-runtime.ts';
import { createTemporalClient } from '../temporal/client.ts';
import { botReadiness } from './bot-readiness.ts';
import { botClientOptions, createTicketBot } from './create-ticket-bot.ts';
import { createInteractionIntake } from './interactions/interaction-intake.ts';
import { observeDiscordRest } from './metrics/discord-rest-metrics.ts';
import { observeGateway } from './metrics/gateway-metrics.ts';
import { interactionMetrics } from './metrics/interaction-metrics.ts';

/**
 * The Discord bot. Ready once its gateway session is, Temporal answers and Postgres does. On SIGTERM or SIGINT it
 * stops taking interactions (new ones are told it is restarting), waits briefly for those it is answering, logs out
 * and exits.
 */
async function run(): Promise<void> {
  const config = loadBotConfig();
  const { telemetry } = config;
  const logger = createLogger('bot', telemetry.logLevel);
  setProcessLogger(logger);
  installTemporalRuntime({ logger, level: telemetry.logLevel, metricsPort: telemetry.temporalMetricsPort });

  const prisma = createPrismaClient(config.databaseUrl);
  const temporal = await createTemporalClient(config.temporal);
  const metrics = createMetricsRegistry();
  const intake = createInteractionIntake(interactionMetrics(metrics));
  const bot = createTicketBot(
    {
      temporal: temporal.client,
      taskQueue: config.temporal.taskQueue,
      prisma,
      guildConfigs: createGuildConfigRepository(prisma, config.plans),
    },
    botClientOptions(config.discord.apiBaseUrl),
    intake,
  );
  observeDiscordRest(bot.rest, metrics);
  observeGateway(bot, metrics);

  let stopping = false;
  const health = await startHealthServer({
    port: telemetry.healthPort,
    metrics,
    readiness: botReadiness(bot, { temporal: temporal.connection, prisma }, () => stopping),
  });

  onShutdownSignal(() => {
    stopping = true;
    intake.close();
    void (async () => {
      const finished = await intake.drain(config.shutdownGraceMs);
      if (!finished) log().warn({ graceMs: config.shutdownGraceMs }, 'stopping with interactions still unanswered');
      await bot.destroy();
      await temporal.connection.close();
      await prisma.$disconnect();
      await health?.close();
    })().then(
      () => {
        log().info('bot stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log().error({ err: error }, 'bot stopped uncleanly');
        process.exit(1);
      },
    );
  });

  bot.once(Events.ClientReady, (ready) => {
    log().info(
      {
        user: ready.user.tag,
        taskQueue: config.temporal.taskQueue,
        healthPort: health?.port ?? 0,
        temporalMetricsPort: telemetry.temporalMetricsPort,
      },
      'bot ready',
    );
  });
  await bot.login(config.discord.token);
}

run().catch((error: unknown) => {
  log().fatal({ err: error }, 'bot stopped');
  process.exit(1);
});
