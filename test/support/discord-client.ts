import { Client, type ClientEvents, type ClientOptions, GatewayIntentBits } from 'discord.js';
import type { DiscordSandbox } from '../../sandbox/discord/index.ts';

/** What the ticket bot asks for: the guild cache, members, and messages with their content. */
export const TICKET_BOT_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
];

/**
 * A real discord.js client logged in to the sandbox (as its bot unless another token is given), resolved once
 * it is ready. The caller destroys it; on a failed login it is destroyed here.
 */
export async function loginDiscordClient(
  sandbox: DiscordSandbox,
  intents: ClientOptions['intents'] = TICKET_BOT_INTENTS,
  options: { token?: string } = {},
): Promise<Client<true>> {
  const client = new Client({ intents, ...sandbox.clientOptions() });
  const ready = new Promise<Client<true>>((resolve) => client.once('clientReady', resolve));
  try {
    await client.login(options.token ?? sandbox.bot.token);
    return await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
}

/** The next `event` the client emits whose arguments pass `accept`; rejects after the timeout. */
export function nextEvent<K extends keyof ClientEvents>(
  client: Client,
  event: K,
  accept: (...args: ClientEvents[K]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<ClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: ClientEvents[K]) => {
      if (!accept(...args)) return;
      done();
      resolve(args);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      client.off(event, listener);
    };
    client.on(event, listener);
  });
}

/**
 * One REST request to the sandbox with plain fetch, as its bot (or with another token, or none), as any client
 * would send it: the status and the parsed JSON body.
 */
export async function callSandbox(
  sandbox: DiscordSandbox,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = sandbox.bot.token,
) {
  const response = await fetch(`${sandbox.apiBaseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bot ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
