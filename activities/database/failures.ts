import { ApplicationFailure } from '@temporalio/common';
import type { ZodType } from 'zod';
import type { TicketRef } from '../../domain/ticket.ts';

/** Failure types a workflow may match on; all are final: retrying cannot make them succeed. */
export const DatabaseFailureType = {
  ticketNotFound: 'TicketNotFound',
  invalidInput: 'InvalidTicketInput',
  workflowIdConflict: 'WorkflowIdConflict',
  eventKeyConflict: 'EventKeyConflict',
  messageOfAnotherTicket: 'MessageOfAnotherTicket',
} as const;

export function ticketNotFound(ref: TicketRef): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `ticket ${ref.ticketId} does not exist in guild ${ref.guildId}`,
    DatabaseFailureType.ticketNotFound,
  );
}

/** Parses an activity's input; a malformed one fails for good instead of being retried forever. */
export function parseInput<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`);
  throw ApplicationFailure.nonRetryable(`invalid ${what}: ${problems.join('; ')}`, DatabaseFailureType.invalidInput);
}
