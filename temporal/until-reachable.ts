import { setTimeout as sleep } from 'node:timers/promises';
import { isGrpcServiceError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/** Waits between attempts; each attempt already retries for about 20 s inside the Temporal client. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

/**
 * gRPC status codes (from the gRPC spec) that say the request may succeed later: CANCELLED, UNKNOWN,
 * DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL, UNAVAILABLE. Anything else (a bad request, a refusal)
 * will not.
 */
const TRANSIENT = new Set<number>([1, 2, 4, 8, 10, 13, 14]);

/**
 * Whether a Temporal call failed because the service could not be reached or did not answer in time, rather than
 * by answering: the same call, idempotent by its id, may then be sent again.
 */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (!(error instanceof ServiceError)) return false;
  // Not a gRPC status at all: the connection itself failed.
  return !isGrpcServiceError(error.cause) || TRANSIENT.has(error.cause.code);
}

/**
 * Runs an idempotent Temporal call until the service answers, for as long as someone waits for the outcome: a
 * restart or failover of Temporal then costs the request nothing. Once `stillWanted` is aborted, the last failure is
 * thrown.
 */
export async function untilReachable<T>(call: () => Promise<T>, stillWanted: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isUnreachable(error) || stillWanted.aborted) throw error;
      const delayMs = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 0;
      await sleep(delayMs, undefined, { signal: stillWanted, ref: false }).catch(() => undefined);
      if (stillWanted.aborted) throw error;
    }
  }
}
