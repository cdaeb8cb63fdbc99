import { DiscordAPIError } from '@discordjs/rest';
import { ApplicationFailure } from '@temporalio/common';
import { toDiscordFailure } from '../failures.ts';

/**
 * How the transcript treats Discord's answers. A transcript must always be made, because the ticket cannot
 * finish closing without one, so:
 * - Discord refusing for good (404 the thread, guild or member is gone, 403 the bot lost access, or any other
 *   4xx) means "Discord has nothing to add": the caller falls back to what Postgres stored. These are the
 *   answers the other Discord activities report as non-retryable; retrying would only refuse again.
 * - Everything else (5xx, a long rate limit, a timeout, a dropped connection) is transient: the activity fails
 *   retryably and Temporal tries it again with backoff, so a short outage does not cost the fresh links.
 * - 401 is retryable too, unlike in the other activities: a revoked token is fixed by the operator (new token,
 *   worker restart), after which the retry succeeds; failing for good would fail the ticket's close instead.
 */
export async function unlessUnavailable<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (refusedForGood(error)) return null;
    throw retryable(toDiscordFailure(error));
  }
}

function refusedForGood(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401 &&
    error.status !== 429
  );
}

function retryable(failure: unknown): unknown {
  if (!(failure instanceof ApplicationFailure) || !failure.nonRetryable) return failure;
  return ApplicationFailure.create({
    type: failure.type ?? undefined,
    message: failure.message,
    details: failure.details ? [...failure.details] : undefined,
    nonRetryable: false,
  });
}
