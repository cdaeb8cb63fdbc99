import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import type { ProviderEvent } from '../../../domain/subscription.ts';
import { deliverProviderEvent } from '../../../temporal/subscription-client.ts';
import { isUnreachable, untilReachable } from '../../../temporal/until-reachable.ts';

/**
 * How long a webhook or a checkout return waits for Temporal to take its event, sending again while it cannot be
 * reached. Below the providers' own timeouts (Stripe and PayPal give up after about 20-30 s), so an outage is
 * answered with 503, which they retry, rather than with their timeout.
 */
export const DELIVERY_DEADLINE_MS = 10_000;

/** Whether Temporal took the event (it is in the workflow's history), or could not be reached in time. */
export type DeliveryOutcome = 'delivered' | 'unreachable';

/**
 * Hands a verified provider event to its subscription workflow, resolving only once Temporal has recorded the
 * signal: the caller then answers 2xx. 'unreachable' when Temporal did not take it within the deadline: the caller
 * answers 503 so the provider sends it again. Any other failure (a refusal by Temporal) is thrown.
 *
 * The deadline is kept by a timer: the SDK's native client retries a failing call past any deadline it is given.
 * A call still under way then may yet land; the provider's redelivery is the same event id, which the workflow
 * takes once.
 */
export function createProviderEventDelivery(options: {
  temporal: Client;
  taskQueue: string;
  deadlineMs?: number;
}): (event: ProviderEvent) => Promise<DeliveryOutcome> {
  const deadlineMs = options.deadlineMs ?? DELIVERY_DEADLINE_MS;
  return async (event) => {
    const stillWanted = AbortSignal.timeout(deadlineMs);
    // Settles with the failure rather than rejecting, so that a call that fails after the timer won is not unhandled.
    const delivered = untilReachable(
      () =>
        options.temporal.withDeadline(Date.now() + deadlineMs, () =>
          deliverProviderEvent(options.temporal, event, { taskQueue: options.taskQueue }),
        ),
      stillWanted,
    ).then(
      (): DeliveryOutcome => 'delivered',
      (error: unknown) => (isUnreachable(error) ? ('unreachable' as const) : { failed: error }),
    );
    const timedOut = sleep(deadlineMs, 'unreachable' as const, { ref: false });
    const outcome = await Promise.race([delivered, timedOut]);
    if (typeof outcome === 'object') throw outcome.failed;
    return outcome;
  };
}
