import { setTimeout as sleep } from 'node:timers/promises';
import type { Translate } from '../../i18n/translate.ts';
import type { TicketRef } from '../../store/find-ticket.ts';
import { untilReachable } from '../../temporal/until-reachable.ts';
import { type CloseTicketResult, getTicketState } from '../../workflows/ticket/definitions.ts';
import type { BotServices } from '../bot-context.ts';
import { closedTicketAnswer, closingAnswer } from './closure-words.ts';

/** How often a held-up close is looked at again while the member's answer still shows what holds it. */
const CLOSE_CHECK_INTERVAL_MS = 2_000;

/** While a close has not been answered: the bot keeps sending it, and the ticket completes it once it has it. */
export function closePending(t: Translate, ticket: TicketRef): string {
  return t('replies.close.pending', { number: ticket.number });
}

/**
 * The member's answer to their close. A close held up by a problem is shown with what holds it, and then, once the
 * ticket finishes closing (while the member can still be told), as closed.
 */
export async function closeAnswer(
  t: Translate,
  services: BotServices,
  ticket: TicketRef,
  result: CloseTicketResult,
  show: (text: string) => Promise<void>,
  stillWanted: AbortSignal,
): Promise<string> {
  switch (result.outcome) {
    case 'closed':
      return t('replies.close.closed', { number: ticket.number });
    case 'already_closed':
      return closedTicketAnswer(t, ticket.number, result.closure, 'close');
    case 'closing': {
      const heldUp = closingAnswer(t, ticket.number, result.problem);
      await show(heldUp);
      // The run outlives the close (reopen window, rating), so the answer follows the ticket's state, not its end.
      const workflow = services.temporal.workflow.getHandle(ticket.workflowId);
      const closed = async () => {
        while (!stillWanted.aborted) {
          if ((await workflow.query(getTicketState)).status === 'closed') return true;
          await sleep(CLOSE_CHECK_INTERVAL_MS, undefined, { signal: stillWanted });
        }
        return false;
      };
      const done = await untilReachable(closed, stillWanted).catch(() => false);
      return done ? t('replies.close.closed', { number: ticket.number }) : heldUp;
    }
  }
}
