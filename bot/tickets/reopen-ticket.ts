import type { RepliableInteraction } from 'discord.js';
import { canReopen } from '../../domain/ticket-permissions.ts';
import type { TicketRef } from '../../store/find-ticket.ts';
import { reopenTicket } from '../../workflows/ticket/definitions.ts';
import type { BotContext } from '../bot-context.ts';
import { actorOf } from '../permissions.ts';
import { UserFacingError } from '../replies.ts';
import { actOnClosedTicket } from './after-close-action.ts';
import { reopenRefusal } from './after-close-refusals.ts';

/**
 * Reopens a closed ticket for its creator or staff (from `/ticket reopen` or the closing notice's button), answered
 * privately in their language. Who may is checked here for a quick answer and again by the ticket, which alone knows
 * whether its reopen window is still open; a ticket whose run has ended is final.
 */
export function reopenTicketAs(
  interaction: RepliableInteraction<'cached'>,
  ticket: TicketRef,
  context: BotContext,
): Promise<void> {
  const { number } = ticket;
  return actOnClosedTicket(
    interaction,
    context,
    interaction.guildId,
    async (t, config) => {
      const actor = actorOf(interaction.member, config);
      if (!canReopen(actor, ticket.creatorId)) throw new UserFacingError(t('reopen.forbidden', { number }));
      if (ticket.status !== 'closed') throw new UserFacingError(t('reopen.notClosed', { number }));
      if (config?.reopenWindowDays === 0) throw new UserFacingError(t('reopen.reopenOff', { number }));
      return {
        workflowId: ticket.workflowId,
        update: reopenTicket,
        arg: { actor },
        done: t('reopen.reopened', { number, thread: ticket.threadId ? `<#${ticket.threadId}>` : `#${number}` }),
      };
    },
    (t, error) => reopenRefusal(t, number, error),
  );
}
