import { REST } from '@discordjs/rest';
import { discordApiRoot } from '../../config/discord-api.ts';

export interface DiscordRestOptions {
  /** The bot token, without the "Bot " prefix. */
  token: string;
  /** `https://discord.com/api/v10` in production, the sandbox's `apiBaseUrl` in tests; `/api` without a version means v10. */
  apiBaseUrl: string;
  /** Abort one HTTP request after this long; keep it well under the activities' start-to-close timeout. */
  requestTimeoutMs?: number;
  /** Rate-limit waits up to this long happen inside the call; longer ones fail the attempt (see below). */
  maxRateLimitWaitMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 3_000;

/**
 * A REST client tuned so that Temporal's retry policy, not the library, decides when to try again:
 * - `retries: 0`: @discordjs/rest would retry a 5xx or a timeout at once, three times, with no backoff.
 *   That hammers Discord in an outage and hides attempts from the workflow history. One attempt is one
 *   HTTP request; Temporal retries the activity with backoff instead.
 * - `timeout`: a hung request fails the attempt (retryably) instead of eating the activity's whole timeout.
 * - `rejectOnRateLimit`: the library waits out every 429 and every empty bucket, forever if need be,
 *   and a wait is invisible to Temporal. Short waits (per-route buckets reset within a few seconds) are
 *   still cheapest in-process; a longer one throws RateLimitError, which the activities turn into a
 *   retryable failure whose nextRetryDelay is Discord's retry_after.
 */
export function createDiscordRest(options: DiscordRestOptions): REST {
  const maxWaitMs = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  return new REST({
    api: discordApiRoot(options.apiBaseUrl),
    version: '10',
    retries: 0,
    timeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    rejectOnRateLimit: (rateLimit) => rateLimit.retryAfter > maxWaitMs,
  }).setToken(options.token);
}
