import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleDriverRequest, SANDBOX_PATH_PREFIX } from './driver/http-driver.ts';
import { SandboxDriver } from './driver/sandbox-driver.ts';
import { DEFAULT_HEARTBEAT_INTERVAL_MS, Gateway, type GatewayControl } from './gateway/gateway.ts';
import { AUTHORIZE_PATH, answerAuthorize } from './oauth/authorize.ts';
import { bearerRoutes } from './oauth/bearer-routes.ts';
import { OAuthStore } from './oauth/oauth-store.ts';
import { oauthTokenRoutes } from './oauth/token-routes.ts';
import { createRestHandler } from './rest/handle-request.ts';
import { DISCORD_RATE_LIMITS, type RateLimitPolicy } from './rest/rate-limits/policy.ts';
import { RestRateLimits } from './rest/rate-limits/rest-rate-limits.ts';
import { type Route, Router } from './rest/router.ts';
import { channelRoutes } from './rest/routes/channels.ts';
import { commandRoutes } from './rest/routes/commands.ts';
import { gatewayRoutes } from './rest/routes/gateway.ts';
import { guildChannelRoutes } from './rest/routes/guild-channels.ts';
import { guildRoutes } from './rest/routes/guilds.ts';
import { interactionRoutes } from './rest/routes/interactions.ts';
import { messageRoutes } from './rest/routes/messages.ts';
import { threadRoutes } from './rest/routes/threads.ts';
import { userRoutes } from './rest/routes/users.ts';
import { webhookRoutes } from './rest/routes/webhooks.ts';
import type { SpecViolation } from './spec/validate.ts';
import { DiscordState, type DiscordStateOptions } from './state/discord-state.ts';
import type { BotRecord } from './state/records.ts';

export type { DiscordActor, SandboxDriver } from './driver/sandbox-driver.ts';
export { SandboxDriverError } from './driver/sandbox-driver-error.ts';
export type { SandboxInteraction } from './driver/sandbox-interaction.ts';
export type { GatewayControl } from './gateway/gateway.ts';
export type { RateLimitPolicy } from './rest/rate-limits/policy.ts';
export { type SeededGuild, seedGuild } from './seed.ts';
export type { DiscordState } from './state/discord-state.ts';
export type { FaultRule } from './state/faults.ts';

export interface DiscordSandboxOptions extends DiscordStateOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  botUsername?: string;
  botToken?: string;
  /**
   * Discord's limits are the default (rest/rate-limits/policy.ts), so that tests and benchmarks meet what
   * production meets; a test that needs other limits replaces parts here, and says why.
   */
  rateLimits?: Partial<RateLimitPolicy>;
  /** The gateway's HELLO heartbeat interval; tests use 1–2 s so zombie and resume faults play out fast. */
  heartbeatIntervalMs?: number;
  /** Redirect URIs the bot's application accepts in the OAuth2 code flow (more with `oauth.registerRedirectUri`). */
  oauthRedirectUris?: string[];
}

export interface DiscordSandbox {
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Where REST clients point: `${url}/api/v10`. */
  apiBaseUrl: string;
  state: DiscordState;
  /** The bot whose token the sandbox accepts. */
  bot: BotRecord;
  /** Plays guild members as a real client would (also over HTTP under /__sandbox/). */
  driver: SandboxDriver;
  /** The gateway websocket (/gw on the same port): fault hooks, and what it saw. */
  gateway: GatewayControl;
  /** OAuth2 for a web panel: client id = `bot.applicationId`, secret = `bot.clientSecret`; `nextLogin(userId)`. */
  oauth: OAuthStore;
  /** 2xx answers that broke Discord's OpenAPI description (each was answered as a 500); tests assert it stays empty. */
  specViolations: readonly SpecViolation[];
  /** What a discord.js Client needs to talk to this sandbox: `new Client({ intents, ...sandbox.clientOptions() })`. */
  clientOptions(): { rest: { api: string; cdn: string } };
  close(): Promise<void>;
}

/** Every REST route the sandbox serves; each must have its entry in spec/route-schemas.ts. */
export function sandboxRoutes(oauth: OAuthStore): Route[] {
  return [
    ...gatewayRoutes,
    ...userRoutes,
    ...guildRoutes,
    ...channelRoutes,
    ...guildChannelRoutes,
    ...threadRoutes,
    ...messageRoutes,
    ...commandRoutes,
    ...interactionRoutes,
    ...webhookRoutes,
    ...oauthTokenRoutes(oauth),
    ...bearerRoutes,
  ];
}

/** A local Discord speaking REST v10 on one port, with its world in `state`. */
export async function createDiscordSandbox(options: DiscordSandboxOptions = {}): Promise<DiscordSandbox> {
  const state = new DiscordState(options);
  const bot = state.createBot({ username: options.botUsername ?? 'Ticketflow', token: options.botToken });
  const oauth = new OAuthStore(state.now, options.oauthRedirectUris);
  const specViolations: SpecViolation[] = [];
  const router = new Router().add(sandboxRoutes(oauth));
  const driver = new SandboxDriver(state);
  let url = '';
  const restHandler = createRestHandler({
    state,
    router,
    rateLimits: new RestRateLimits({ ...DISCORD_RATE_LIMITS, ...options.rateLimits }, state.now),
    origin: () => url,
    oauth,
    specViolations,
  });
  // The driver's own JSON routes sit beside Discord's, never under /api.
  const server = createServer((request, response) =>
    request.url?.startsWith(SANDBOX_PATH_PREFIX)
      ? handleDriverRequest(state, driver, request, response)
      : request.method === 'GET' && request.url?.split('?')[0] === AUTHORIZE_PATH
        ? answerAuthorize(request, response, { state, oauth })
        : restHandler(request, response),
  );
  const gateway = new Gateway({
    state,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS,
    origin: () => url,
  });
  gateway.attach(server);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiBaseUrl: `${url}/api/v10`,
    state,
    bot,
    driver,
    gateway,
    oauth,
    specViolations,
    clientOptions: () => ({ rest: { api: `${url}/api`, cdn: `${url}/cdn` } }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        gateway.close();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
