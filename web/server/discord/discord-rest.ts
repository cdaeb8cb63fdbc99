import { REST } from '@discordjs/rest';
import { discordApiRoot } from '../../../config/discord-api.ts';

/**
 * A REST client for one caller: the bot (`Bot` token) or a signed-in user (`Bearer`, their OAuth2 access token).
 * @discordjs/rest queues by route and waits out 429s; a user's client is made per use, so one user's limits never
 * hold up another's. No sweeper timers: a short-lived client must not keep the process alive.
 */
/** Sees each REST client made for a caller (discord-request-metrics.ts counts their responses). */
export type DiscordRestObserver = (rest: REST, caller: 'bot' | 'user' | 'client') => void;

export function discordRest(apiBaseUrl: string, auth?: { prefix: 'Bot' | 'Bearer'; token: string }): REST {
  const rest = new REST({
    api: discordApiRoot(apiBaseUrl),
    version: '10',
    authPrefix: auth?.prefix ?? 'Bot',
    handlerSweepInterval: 0,
    hashSweepInterval: 0,
    timeout: 10_000,
  });
  return auth ? rest.setToken(auth.token) : rest;
}
