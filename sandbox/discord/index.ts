import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRestHandler } from './rest/handle-request.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitPolicy } from './rest/rate-limits.ts';
import { Router } from './rest/router.ts';
import { channelRoutes } from './rest/routes/channels.ts';
import { gatewayRoutes } from './rest/routes/gateway.ts';
import { guildRoutes } from './rest/routes/guilds.ts';
import { messageRoutes } from './rest/routes/messages.ts';
import { threadRoutes } from './rest/routes/threads.ts';
import { userRoutes } from './rest/routes/users.ts';
import { DiscordState, type DiscordStateOptions } from './state/discord-state.ts';
import type { BotRecord } from './state/records.ts';

export { seedGuild } from './seed.ts';
export type { DiscordState } from './state/discord-state.ts';
export type { FaultRule } from './state/faults.ts';

export interface DiscordSandboxOptions extends DiscordStateOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  botUsername?: string;
  botToken?: string;
  rateLimit?: RateLimitPolicy;
}

export interface DiscordSandbox {
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Where REST clients point: `${url}/api/v10`. */
  apiBaseUrl: string;
  state: DiscordState;
  /** The bot whose token the sandbox accepts. */
  bot: BotRecord;
  close(): Promise<void>;
}

/** A local Discord speaking REST v10 on one port, with its world in `state`. */
export async function createDiscordSandbox(options: DiscordSandboxOptions = {}): Promise<DiscordSandbox> {
  const state = new DiscordState(options);
  const bot = state.createBot({ username: options.botUsername ?? 'Ticketflow', token: options.botToken });
  const router = new Router().add([
    ...gatewayRoutes,
    ...userRoutes,
    ...guildRoutes,
    ...channelRoutes,
    ...threadRoutes,
    ...messageRoutes,
  ]);
  let url = '';
  const server = createServer(
    createRestHandler({
      state,
      router,
      rateLimiter: new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, state.now),
      origin: () => url,
    }),
  );
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
