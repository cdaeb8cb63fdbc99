import { ActivityFailure, log } from '@temporalio/workflow';
import type { TicketRun } from './run.ts';

/**
 * A courtesy step (a notice, a direct message, an edit) that the ticket does not wait for: after the activity's own
 * retries a failure is logged and the ticket goes on, leaving no problem behind that nothing will retry.
 * Returns undefined when it failed.
 */
export async function bestEffort<T>(run: TicketRun, step: string, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    log.warn('ticket courtesy step skipped', {
      workflowId: run.ticket.workflowId,
      step,
      error: err.cause?.message ?? err.message,
    });
    return undefined;
  }
}
