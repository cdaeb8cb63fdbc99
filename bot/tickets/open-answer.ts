import type { OpenTicketRequest } from '../../domain/ticket.ts';
import { InvalidTicketRequestError } from '../../domain/ticket-request.ts';
import type { Translate } from '../../i18n/translate.ts';
import { findTicketByWorkflow } from '../../store/find-ticket.ts';
import { openTicketWorkflow, ticketWorkflowId } from '../../temporal/ticket-client.ts';
import { untilReachable } from '../../temporal/until-reachable.ts';
import { type OpenTicketResult, openTicket } from '../../workflows/ticket/definitions.ts';
import type { BotServices } from '../bot-context.ts';
import type { InterimAnswers } from '../interactions/answer-in-time.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { UserFacingError } from '../replies.ts';
import { openRefusalWords } from './open-refusal-words.ts';

/**
 * Starts (or reaches again) the ticket workflow of this request and words where the member's ticket is. The start
 * is idempotent by `requestId`, so it is sent again while Temporal cannot be reached. `t`: the member's words.
 */
export async function openAndAnswer(
  services: BotServices,
  request: OpenTicketRequest,
  requestId: string,
  stillWanted: AbortSignal,
  t: Translate,
): Promise<string> {
  const input = { request, requestId, taskQueue: services.taskQueue };
  let result: OpenTicketResult;
  try {
    result = await untilReachable(() => openTicketWorkflow(services.temporal, input), stillWanted);
  } catch (error) {
    if (error instanceof InvalidTicketRequestError) {
      throw new UserFacingError(t('refusals.open.invalid', { reason: error.message }));
    }
    throw error;
  }
  return openAnswer(t, await withThreadOfDuplicate(services, result, stillWanted));
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

function openAnswer(t: Translate, result: OpenTicketResult): string {
  switch (result.outcome) {
    case 'opened':
      return t('replies.open.opened', { number: result.number, thread: `<#${result.threadId}>` });
    case 'duplicate':
      return result.threadId
        ? t('replies.open.duplicate', { number: result.number, thread: `<#${result.threadId}>` })
        : t('replies.open.duplicateSettingUp', { number: result.number });
    case 'refused':
      return openRefusalWords(t, result);
  }
}

/**
 * What is true of an open that has not been answered yet, from the ticket's row: the ticket may well be registered,
 * its thread made, while Temporal is away; the member is then given its link.
 */
export function openInterim(services: BotServices, guildId: string, requestId: string, t: Translate): InterimAnswers {
  const workflowId = ticketWorkflowId(guildId, requestId);
  const registered = () => readInTime(findTicketByWorkflow(services.prisma, workflowId)).catch(() => null);
  return {
    t,
    async pending() {
      const ticket = await registered();
      if (!ticket) return t('replies.requestQueued');
      const where = ticket.threadId ? `: <#${ticket.threadId}>` : '';
      return t('replies.open.settingUp', { number: ticket.number, where });
    },
    async unconfirmed() {
      const ticket = await registered();
      if (ticket?.threadId) {
        return t('replies.open.settingUpUnconfirmed', { number: ticket.number, thread: `<#${ticket.threadId}>` });
      }
      return t('replies.open.unconfirmed');
    },
  };
}
