import type { TicketRef } from '../../store/find-ticket.ts';
import { untilReachable } from '../../temporal/until-reachable.ts';
import type { CloseTicketResult } from '../../workflows/definitions.ts';
import type { BotServices } from '../bot-context.ts';
import { OUTCOME_FOLLOWS } from '../replies.ts';
import { closedTicketAnswer, closingAnswer } from './closure-words.ts';

/** While a close has not been answered: the bot keeps sending it, and the ticket completes it once it has it. */
export function closePending(ticket: TicketRef): string {
  return `The ticket service is not answering just now. The close of ticket #${ticket.number} is queued and will complete when the service is back. ${OUTCOME_FOLLOWS}`;
}

/**
 * The member's answer to their close. A close held up by a problem is shown with what holds it, and then, once the
 * ticket finishes closing (while the member can still be told), as closed.
 */
export async function closeAnswer(
  services: BotServices,
  ticket: TicketRef,
  result: CloseTicketResult,
  show: (text: string) => Promise<void>,
  stillWanted: AbortSignal,
): Promise<string> {
  switch (result.outcome) {
    case 'closed':
      return `Ticket #${ticket.number} is closed.`;
    case 'already_closed':
      return closedTicketAnswer(ticket.number, result.closure, 'close');
    case 'closing': {
      const heldUp = closingAnswer(ticket.number, result.problem);
      await show(heldUp);
      const workflow = services.temporal.workflow.getHandle(ticket.workflowId);
      const ended = await untilReachable(() => workflow.result(), stillWanted).catch(() => null);
      return ended?.outcome === 'closed' ? `Ticket #${ticket.number} is closed.` : heldUp;
    }
  }
}
