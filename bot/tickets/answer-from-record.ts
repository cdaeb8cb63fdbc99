import { WorkflowNotFoundError } from '@temporalio/client';
import type { Translate } from '../../i18n/translate.ts';
import { findTicketByWorkflow, type TicketRef } from '../../store/find-ticket.ts';
import { TicketRefusal } from '../../temporal/ticket-updates.ts';
import type { BotServices } from '../bot-context.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { closedTicketAnswer } from './closure-words.ts';

/** Who closed a ticket, when and why, as its row has it. */
export function closeFactsOf(ticket: TicketRef) {
  return { closedById: ticket.closedById, closedAt: ticket.closedAt, reason: ticket.closeReason };
}

/**
 * Runs an action on a ticket whose row said open when the bot read it. The ticket may have closed since: its
 * workflow has ended (WorkflowNotFoundError: an update on a completed workflow) or is closing (it refuses changes
 * as closed). Then the row is read again and the answer comes from it, never from the failure.
 */
export async function actOnLiveTicket(
  services: Pick<BotServices, 'prisma'>,
  ticket: TicketRef,
  attempt: 'close' | 'change',
  act: () => Promise<string>,
  t: Translate,
): Promise<string> {
  try {
    return await act();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return answerFromRecord(t, services, ticket, attempt, 'ended');
    if (error instanceof TicketRefusal && error.type === 'TicketClosed') {
      return answerFromRecord(t, services, ticket, attempt, 'closing');
    }
    throw error;
  }
}

async function answerFromRecord(
  t: Translate,
  services: Pick<BotServices, 'prisma'>,
  ticket: TicketRef,
  attempt: 'close' | 'change',
  found: 'ended' | 'closing',
): Promise<string> {
  const now = await readInTime(findTicketByWorkflow(services.prisma, ticket.workflowId)).catch(() => null);
  if (now?.status === 'closed') return closedTicketAnswer(t, now.number, closeFactsOf(now), attempt);
  if (found === 'closing') return t('replies.closed.beingClosed', { number: ticket.number });
  if (!now) return t('replies.closed.ended', { number: ticket.number });
  return t('replies.closed.endedUnclosed', { number: ticket.number });
}
