import type { ModalSubmitInteraction } from 'discord.js';
import type { RatingChoice } from '../../discord/rating/rating-ids.ts';
import { RATING_COMMENT_MAX } from '../../domain/ticket-rating.ts';
import { findTicketByNumber } from '../../store/find-ticket.ts';
import { rateTicket } from '../../workflows/ticket/definitions.ts';
import type { BotContext } from '../bot-context.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { UserFacingError } from '../replies.ts';
import { actOnClosedTicket } from './after-close-action.ts';
import { ratingRefusal } from './after-close-refusals.ts';

/**
 * The creator's rating from the comment modal, in a direct message or the ticket's thread: the ticket is found by the
 * guild and number the modal carries, and only its creator may rate it. Answered privately in their language.
 */
export function rateTicketAs(
  interaction: ModalSubmitInteraction,
  choice: RatingChoice,
  comment: string,
  context: BotContext,
): Promise<void> {
  const { number, stars } = choice;
  return actOnClosedTicket(
    interaction,
    context,
    choice.guildId,
    async (t) => {
      const ticket = await readInTime(findTicketByNumber(context.prisma, choice.guildId, number));
      if (!ticket) throw new UserFacingError(t('rating.unknownTicket', { number }));
      if (ticket.creatorId !== interaction.user.id) throw new UserFacingError(t('rating.forbidden', { number }));
      // Known from the row: once rated, a closed ticket may end its run, and an ended run can no longer say why.
      if (ticket.rating !== null) throw new UserFacingError(t('rating.alreadyRated', { number }));
      if (comment.length > RATING_COMMENT_MAX)
        throw new UserFacingError(t('rating.invalid', { max: RATING_COMMENT_MAX }));
      const actor = { id: interaction.user.id, name: interaction.user.username.slice(0, 100), isStaff: false };
      return {
        workflowId: ticket.workflowId,
        update: rateTicket,
        arg: { actor, stars, comment: comment.trim() || null },
        done: t('rating.thanks', { number, stars }),
      };
    },
    (t, error) => ratingRefusal(t, number, error, RATING_COMMENT_MAX),
  );
}
