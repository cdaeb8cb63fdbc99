import { type Client, WorkflowUpdateFailedError, WorkflowUpdateStage } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure } from '@temporalio/common';
import { untilReachable } from './until-reachable.ts';

/**
 * The ticket refused the change (not allowed, closed, still opening, a write that failed: `Unavailable`); `message`
 * is the workflow's own plain words for the member, and says whether anything changed.
 */
export class TicketRefusal extends Error {
  override name = 'TicketRefusal';
  readonly type: string;
  /** What the refusal names beyond its words: `{ retryAfterMs }` of a rename past Discord's limit, `{ holderId }` of
   * HeldByAnother; for callers that word it themselves. */
  readonly details: readonly unknown[];
  constructor(type: string, message: string, details: readonly unknown[] = []) {
    super(message);
    this.type = type;
    this.details = details;
  }
}

export interface UpdateDelivery {
  /** One id per request (the interaction's): an update sent again after an outage is taken once. */
  updateId: string;
  /** Aborted when nobody waits for the outcome any more; sending again stops then. */
  stillWanted: AbortSignal;
  /** Called once the ticket has taken the update: from then on it completes whatever happens to the bot. */
  onAccepted?(): void;
}

/**
 * Runs an update on a ticket's workflow, sending it again while Temporal cannot be reached. A refusal by its
 * validator or handler becomes a TicketRefusal; WorkflowNotFoundError means the workflow has ended; anything else
 * is rethrown as is.
 */
export async function updateTicket<Ret, Arg>(
  temporal: Client,
  workflowId: string,
  update: UpdateDefinition<Ret, [Arg]>,
  arg: Arg,
  delivery: UpdateDelivery,
): Promise<Ret> {
  const workflow = temporal.workflow.getHandle(workflowId);
  try {
    const taken = await untilReachable(
      () =>
        workflow.startUpdate(update, {
          args: [arg],
          updateId: delivery.updateId,
          waitForStage: WorkflowUpdateStage.ACCEPTED,
        }),
      delivery.stillWanted,
    );
    delivery.onAccepted?.();
    return await untilReachable(() => taken.result(), delivery.stillWanted);
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type) {
      throw new TicketRefusal(err.cause.type, err.cause.message, err.cause.details ?? []);
    }
    throw err;
  }
}
