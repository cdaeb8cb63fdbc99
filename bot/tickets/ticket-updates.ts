import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure } from '@temporalio/common';
import type { BotContext } from '../bot-context.ts';

/** The ticket refused the change (not allowed, already closed, still opening); `message` is for the member. */
export class TicketRefusal extends Error {
  override name = 'TicketRefusal';
  readonly type: string;
  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

/**
 * Runs an update on a ticket's workflow. A refusal by its validator becomes a TicketRefusal carrying the
 * workflow's own plain-words message; anything else (Temporal down, a bug) is rethrown as is.
 */
export async function updateTicket<Ret, Arg>(
  context: BotContext,
  workflowId: string,
  update: UpdateDefinition<Ret, [Arg]>,
  arg: Arg,
): Promise<Ret> {
  try {
    return await context.temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [arg] });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type) {
      throw new TicketRefusal(err.cause.type, err.cause.message);
    }
    throw err;
  }
}
