import { type Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { OpenTicketRequest } from '../domain/ticket.ts';
import { parseOpenTicketRequest } from '../domain/ticket-request.ts';
import { TicketCreatorId, TicketGuildId, TicketStatus, TicketType } from '../workflows/search-attributes.ts';
import { type OpenTicketResult, openTicket, type TicketWorkflowResult } from '../workflows/ticket/definitions.ts';
import type { ticketWorkflow } from '../workflows/ticket/ticket-workflow.ts';

/**
 * One open request, one workflow: the id comes from the caller's request id (a Discord interaction id,
 * a panel request id), so a retried start reaches the same ticket instead of opening another.
 */
export function ticketWorkflowId(guildId: string, requestId: string): string {
  return `ticket:${guildId}:${requestId}`;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Starts the ticket and waits until its thread exists (update-with-start), so the caller can answer the
 * member with a link, or with why no ticket was opened.
 */
export async function openTicketWorkflow(
  client: Client,
  input: { request: OpenTicketRequest; requestId: string; taskQueue: string },
): Promise<OpenTicketResult> {
  const request = parseOpenTicketRequest(input.request);
  if (!REQUEST_ID_PATTERN.test(input.requestId)) {
    throw new Error('requestId must be 1 to 64 letters, digits, dashes or underscores.');
  }
  const workflowId = ticketWorkflowId(request.guildId, input.requestId);
  const startWorkflowOperation = new WithStartWorkflowOperation<typeof ticketWorkflow>('ticketWorkflow', {
    workflowId,
    taskQueue: input.taskQueue,
    args: [{ request }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    // A finished ticket's id is never reused: a late retry must not open it again.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: [
      { key: TicketGuildId, value: request.guildId },
      { key: TicketType, value: request.type },
      { key: TicketCreatorId, value: request.creator.id },
      { key: TicketStatus, value: 'opening' },
    ],
    staticSummary: `Ticket (${request.type}) opened by ${request.creator.name}`,
  });
  try {
    return await client.workflow.executeUpdateWithStart(openTicket, {
      updateId: `open:${input.requestId}`,
      startWorkflowOperation,
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return answerFromFinishedTicket(await client.workflow.getHandle(workflowId).result());
  }
}

/** The request was handled long ago and its workflow has ended: answer from its result. */
function answerFromFinishedTicket(result: TicketWorkflowResult): OpenTicketResult {
  if (result.outcome !== 'closed') return result;
  return {
    outcome: 'refused',
    code: 'request_closed',
    message: `This request opened ticket #${result.number}, which is closed now.`,
  };
}
