import { defaultPayloadConverter } from '@temporalio/common';
import { type WorkflowInterceptorsFactory, workflowInfo } from '@temporalio/workflow';
import { TicketGuildId, TicketNumber } from './search-attributes.ts';

/** The ticket a log line is about, beside the workflowId the SDK adds itself. */
export interface TicketLogContext {
  guildId?: string;
  ticketNumber?: number;
}

/** The activity header that carries the ticket's log context from the workflow to its activities' log lines. */
export const TICKET_LOG_CONTEXT_HEADER = 'ticketflow-log-context';

/**
 * Workflow interceptors (loaded by the worker, bundled into the workflow code): every `log.*` line of a ticket's
 * workflow, and every line its activities log, names the guild and the ticket number as soon as the ticket has one.
 * Both come from the ticket's own search attributes, so no workflow code has to pass them along.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      getLogAttributes: (attributes, next) => next({ ...ticketLogContext(), ...attributes }),
      scheduleActivity: (input, next) =>
        next({
          ...input,
          headers: {
            ...input.headers,
            [TICKET_LOG_CONTEXT_HEADER]: defaultPayloadConverter.toPayload(ticketLogContext()),
          },
        }),
    },
  ],
});

function ticketLogContext(): TicketLogContext {
  const attributes = workflowInfo().typedSearchAttributes;
  const guildId = attributes.get(TicketGuildId);
  const ticketNumber = attributes.get(TicketNumber);
  return { ...(guildId !== undefined && { guildId }), ...(ticketNumber !== undefined && { ticketNumber }) };
}
