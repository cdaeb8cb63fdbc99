import { createBillingProviders } from '../../billing/index.ts';
import { loadTranscriptStorageConfig } from '../../config/transcript-storage-config.ts';
import { loadWebConfig } from '../../config/web-config.ts';
import { createPrismaClient } from '../../prisma/client.ts';
import { createPatreonAccountLinks } from '../../store/patreon-account-links.ts';
import { startTicketChangeFeed } from '../../store/ticket-change-feed.ts';
import { withDeadline } from '../../telemetry/deadline.ts';
import { startHealthServer } from '../../telemetry/health-server.ts';
import { log, setProcessLogger } from '../../telemetry/log-context.ts';
import { createLogger } from '../../telemetry/logger.ts';
import { createMetricsRegistry } from '../../telemetry/metrics-registry.ts';
import { onShutdownSignal } from '../../telemetry/shutdown-signals.ts';
import { createTemporalClient } from '../../temporal/client.ts';
import { openTranscriptStorage } from '../../transcripts/storage-factory.ts';
import { createWebServer, GUILD_ACCESS_MAX_AGE_MS } from './create-web-server.ts';
import { createBotGuilds } from './discord/bot-guilds.ts';
import { createDiscordOAuthClient } from './discord/discord-oauth-client.ts';
import { discordRequestMetrics } from './discord/discord-request-metrics.ts';
import { panelPlugin } from './panel/panel-plugin.ts';

/**
 * The web process: the panel (built by npm run build:panel), its HTTP API and Discord sign-in on WEB_PORT. Ready
 * once it listens and Postgres answers. On SIGTERM or SIGINT it stops being ready, stops accepting connections, lets requests in flight finish
 * within the grace period, and exits.
 */
async function run(): Promise<void> {
  const config = loadWebConfig();
  const { telemetry } = config;
  const logger = createLogger('web', telemetry.logLevel);
  setProcessLogger(logger);
  const prisma = createPrismaClient(config.databaseUrl);
  const temporal = await createTemporalClient(config.temporal);
  const ticketChanges = await startTicketChangeFeed({ connectionString: config.databaseUrl, prisma, logger });
  const metrics = createMetricsRegistry();
  const observeDiscord = discordRequestMetrics(metrics);
  const { app } = await createWebServer({
    config: {
      publicUrl: config.publicUrl,
      secureCookies: config.secureCookies,
      operatorUserIds: config.operatorUserIds,
    },
    prisma,
    temporal: temporal.client,
    ticketChanges,
    taskQueue: config.temporal.taskQueue,
    plans: config.plans,
    bot: {
      token: config.discord.botToken,
      apiBaseUrl: config.discord.oauth.apiBaseUrl,
      observe: observeDiscord,
    },
    transcripts: await openTranscriptStorage(loadTranscriptStorageConfig()),
    discord: createDiscordOAuthClient(config.discord.oauth, observeDiscord),
    botGuilds: createBotGuilds({
      token: config.discord.botToken,
      apiBaseUrl: config.discord.oauth.apiBaseUrl,
      maxAgeMs: GUILD_ACCESS_MAX_AGE_MS,
      observe: observeDiscord,
    }),
    billing: {
      providers: createBillingProviders(config.billing, { patreonAccountLinks: createPatreonAccountLinks(prisma) }),
    },
    logger,
  });
  // After the API's routes: the panel answers the GETs none of them does.
  await app.register(panelPlugin, { https: config.secureCookies });

  let stopping = false;
  const health = await startHealthServer({
    port: telemetry.healthPort,
    metrics,
    readiness: {
      http: () => {
        if (stopping) throw new Error('stopping');
        if (!app.server.listening) throw new Error('not listening yet');
      },
      postgres: () => prisma.$queryRaw`SELECT 1`,
      changeFeed: () => {
        if (!ticketChanges.listening) throw new Error('the ticket change feed is not listening');
      },
    },
  });

  onShutdownSignal(() => {
    stopping = true;
    void (async () => {
      // app.close stops accepting connections and resolves once the requests in flight are answered.
      const drained = await withDeadline(app.close(), config.shutdownGraceMs).then(
        () => true,
        () => false,
      );
      if (!drained) log().warn({ graceMs: config.shutdownGraceMs }, 'stopping with requests still in flight');
      await ticketChanges.close();
      await prisma.$disconnect();
      await temporal.connection.close();
      await health?.close();
    })().then(
      () => {
        log().info('web stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log().error({ err: error }, 'web stopped uncleanly');
        process.exit(1);
      },
    );
  });

  await app.listen({ port: config.port, host: config.host });
  log().info(
    { url: config.publicUrl, port: config.port, host: config.host, healthPort: health?.port ?? 0 },
    'web ready',
  );
}

run().catch((error: unknown) => {
  log().fatal({ err: error }, 'web stopped');
  process.exit(1);
});
