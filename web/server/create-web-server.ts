import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { PlanCatalogue } from '../../domain/plans.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { staffRoleIdsOf } from '../../store/guild-staff-roles.ts';
import { createWebSessionRepository } from '../../store/web-session-repository.ts';
import type { Logger } from '../../telemetry/logger.ts';
import type { TranscriptStorage } from '../../transcripts/storage.ts';
import { createGuildAccessViews } from './access/guild-access-views.ts';
import { installRouteAccess } from './access/route-access.ts';
import type { BillingServices } from './billing/billing-services.ts';
import { createProviderEventDelivery } from './billing/provider-event-delivery.ts';
import type { BotGuilds } from './discord/bot-guilds.ts';
import type { DiscordOAuthClient } from './discord/discord-oauth-client.ts';
import { createGuildConfigServices, type GuildConfigServicesDeps } from './guild-config/guild-config-services.ts';
import { installErrorReplies } from './http/error-replies.ts';
import { RequestLog } from './http/request-log.ts';
import { installSameOriginGuard } from './http/same-origin-guard.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import { routePlugins } from './routes/index.ts';
import { createLoginAttempts } from './sessions/login-attempts.ts';
import { createWebSessions } from './sessions/web-sessions.ts';
import { createTranscriptViewer } from './transcripts/transcript-viewer.ts';
import type { WebServices } from './web-services.ts';

/** A role given or taken on Discord changes what the panel allows within this long. */
export const GUILD_ACCESS_MAX_AGE_MS = 60_000;

export interface WebServerDeps {
  config: WebServices['config'];
  prisma: PrismaClient;
  discord: DiscordOAuthClient;
  botGuilds: BotGuilds;
  temporal: WebServices['temporal'];
  ticketChanges: WebServices['ticketChanges'];
  /** The bot on Discord: its token reads a guild's channels and roles and registers `/ticket` for its application. */
  bot: GuildConfigServicesDeps['bot'];
  /** The task queue of the ticket workflows (and of each guild's settings fan-out and subscription). */
  taskQueue: string;
  /** The plans' limits (config/plans-config.ts): a settings save keeps within its plan's ticket types. */
  plans: PlanCatalogue;
  /** Where the worker stores transcripts (config/transcript-storage-config.ts). */
  transcripts: TranscriptStorage;
  /** The payment providers configured (billing/index.ts); their events go to workflows on `taskQueue`. */
  billing: { providers: BillingServices['providers']; deliveryDeadlineMs?: number };
  /** The process's logger (telemetry/logger.ts); none logs nothing (tests). */
  logger?: Logger;
  now?: () => Date;
}

/** A route as fastify registered it: what the HTTP tests enumerate. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: string;
}

export interface WebServer {
  app: FastifyInstance;
  services: WebServices;
  /** Every route registered, HEAD routes included, in registration order. */
  routes: readonly RegisteredRoute[];
}

/**
 * The web process's fastify app, built from what it is given (tests give their own Postgres and local Discord):
 * cookies, the same-origin guard on every mutation, security headers, the API's error shape, each route's declared
 * access, and the route plugins of routes/index.ts. Not listening yet: main.ts listens, tests may `inject`.
 */
export async function createWebServer(deps: WebServerDeps): Promise<WebServer> {
  const now = deps.now ?? (() => new Date());
  const repository = createWebSessionRepository(deps.prisma);
  const services: WebServices = {
    config: deps.config,
    prisma: deps.prisma,
    temporal: deps.temporal,
    taskQueue: deps.taskQueue,
    plans: deps.plans,
    ticketChanges: deps.ticketChanges,
    discord: deps.discord,
    sessions: createWebSessions(repository, now),
    loginAttempts: createLoginAttempts(repository, now),
    guildAccessViews: createGuildAccessViews({
      discord: deps.discord,
      botGuilds: deps.botGuilds,
      staffRoleIdsOf: (guildIds) => staffRoleIdsOf(deps.prisma, guildIds),
      maxAgeMs: GUILD_ACCESS_MAX_AGE_MS,
      now: () => now().getTime(),
    }),
    ...createGuildConfigServices({
      prisma: deps.prisma,
      plans: deps.plans,
      bot: deps.bot,
      temporal: deps.temporal,
      taskQueue: deps.taskQueue,
      logger: deps.logger,
    }),
    transcriptViewer: createTranscriptViewer({ prisma: deps.prisma, storage: deps.transcripts }),
    billing: {
      providers: deps.billing.providers,
      deliver: createProviderEventDelivery({
        temporal: deps.temporal,
        taskQueue: deps.taskQueue,
        deadlineMs: deps.billing.deliveryDeadlineMs,
      }),
    },
  };

  const app = Fastify({
    // Widened to fastify's logger type, which every route plugin is typed against.
    ...(deps.logger ? { loggerInstance: deps.logger as FastifyBaseLogger } : { logger: false }),
    logController: new RequestLog(),
    trustProxy: true,
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, access: String(route.config?.access) });
  });
  installErrorReplies(app);
  installSameOriginGuard(app, deps.config.publicUrl);
  installSecurityHeaders(app, { https: deps.config.secureCookies });
  await app.register(fastifyCookie);
  installRouteAccess(app, services);
  for (const plugin of routePlugins) await app.register(plugin, services);
  return { app, services, routes };
}
