import type { OpenTicketRequest } from '../../domain/ticket.ts';
import { InvalidTicketRequestError } from '../../domain/ticket-request.ts';
import { resolveLocale } from '../../i18n/locales.ts';
import { translate } from '../../i18n/translate.ts';
import { findTicketByWorkflow } from '../../store/find-ticket.ts';
import { openTicketWorkflow, ticketWorkflowId } from '../../temporal/ticket-client.ts';
import { untilReachable } from '../../temporal/until-reachable.ts';
import { type OpenTicketResult, openTicket } from '../../workflows/definitions.ts';
import type { BotServices } from '../bot-context.ts';
import type { InterimAnswers } from '../interactions/answer-in-time.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { OUTCOME_FOLLOWS, REQUEST_QUEUED, UserFacingError } from '../replies.ts';

/**
 * Starts (or reaches again) the ticket workflow of this request and words where the member's ticket is. The start
 * is idempotent by `requestId`, so it is sent again while Temporal cannot be reached.
 */
export async function openAndAnswer(
  services: BotServices,
  request: OpenTicketRequest,
  requestId: string,
  stillWanted: AbortSignal,
): Promise<string> {
  const input = { request, requestId, taskQueue: services.taskQueue };
  let result: OpenTicketResult;
  try {
    result = await untilReachable(() => openTicketWorkflow(services.temporal, input), stillWanted);
  } catch (error) {
    if (error instanceof InvalidTicketRequestError) {
      throw new UserFacingError(`The ticket could not be opened: ${error.message}`);
    }
    throw error;
  }
  return openAnswer(await withThreadOfDuplicate(services, result, stillWanted), request.locale);
}

/**
 * A double click's second request is answered before the first ticket's thread exists: wait for it by asking
 * that ticket's own open update, which answers once its thread is there, so the member gets a link.
 */
async function withThreadOfDuplicate(
  services: BotServices,
  result: OpenTicketResult,
  stillWanted: AbortSignal,
): Promise<OpenTicketResult> {
  if (result.outcome !== 'duplicate' || result.threadId !== null) return result;
  const firstTicket = services.temporal.workflow.getHandle(result.workflowId);
  const first = await untilReachable(() => firstTicket.executeUpdate(openTicket), stillWanted);
  return first.outcome === 'opened' ? { ...result, threadId: first.threadId } : result;
}

function openAnswer(result: OpenTicketResult, locale: string | undefined): string {
  switch (result.outcome) {
    case 'opened':
      return `Your ticket #${result.number} is open: <#${result.threadId}>`;
    case 'duplicate':
      return result.threadId
        ? `You opened ticket #${result.number} moments ago: <#${result.threadId}>`
        : `You opened ticket #${result.number} moments ago; its thread is being set up.`;
    case 'refused':
      // The workflow words its refusals in English; this one the member reads in their language.
      return result.code === 'categories_full'
        ? translate(resolveLocale(locale), 'channel-mode.categoriesFull')
        : result.message;
  }
}

/**
 * What is true of an open that has not been answered yet, from the ticket's row: the ticket may well be registered,
 * its thread made, while Temporal is away; the member is then given its link.
 */
export function openInterim(services: BotServices, guildId: string, requestId: string): InterimAnswers {
  const workflowId = ticketWorkflowId(guildId, requestId);
  const registered = () => readInTime(findTicketByWorkflow(services.prisma, workflowId)).catch(() => null);
  return {
    async pending() {
      const ticket = await registered();
      if (!ticket) return REQUEST_QUEUED;
      const where = ticket.threadId ? `: <#${ticket.threadId}>` : '';
      return `Your ticket #${ticket.number} is being set up${where}. The ticket service is not answering just now; it finishes when the service is back. ${OUTCOME_FOLLOWS}`;
    },
    async unconfirmed() {
      const ticket = await registered();
      if (ticket?.threadId) {
        return `Your ticket #${ticket.number} is being set up: <#${ticket.threadId}>. It finishes when the ticket service is back.`;
      }
      return (
        'The ticket service did not answer for 15 minutes. If your request reached it, your ticket opens when the ' +
        'service is back and you are added to its thread; if no thread appears by then, open the ticket again.'
      );
    },
  };
}
