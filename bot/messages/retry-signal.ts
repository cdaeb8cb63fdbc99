import { setTimeout as sleep } from 'node:timers/promises';

/** Waits between attempts: about ten minutes in all, longer than a Temporal restart or failover takes. */
export const SIGNAL_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 180_000, 180_000];

/**
 * Runs `send` until it succeeds or the delays run out, then rethrows its last failure. A thread message whose
 * signal fails is not sent again by anyone (the gateway delivers it once), so a short outage of Temporal or
 * Postgres must not cost the ticket its reply; its thread's later messages wait behind it, keeping their order.
 */
export async function retrySignal(
  send: () => Promise<void>,
  delaysMs: readonly number[] = SIGNAL_RETRY_DELAYS_MS,
  onRetry: (error: unknown, delayMs: number) => void = () => undefined,
  stopping?: AbortSignal,
): Promise<void> {
  for (const delayMs of delaysMs) {
    try {
      return await send();
    } catch (error) {
      // A stopping bot makes no further attempt: the caller's failure handling takes the last error.
      if (stopping?.aborted) throw error;
      onRetry(error, delayMs);
      await sleep(delayMs, undefined, { signal: stopping }).catch(() => undefined);
    }
  }
  return send();
}
