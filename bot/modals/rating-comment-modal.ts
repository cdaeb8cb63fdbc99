import { parseRatingChoice, RATING_PREFIXES } from '../../discord/rating/rating-ids.ts';
import { RATING_COMMENT_INPUT } from '../buttons/rate-stars-button.ts';
import type { AnywhereModalHandler } from '../interactions/handler-types.ts';
import { StaleControlError } from '../replies.ts';
import { rateTicketAs } from '../tickets/rate-ticket.ts';

/** The rating's comment modal, sent: the ticket takes the stars and the comment (which may be empty). */
export const ratingCommentModal: AnywhereModalHandler = {
  prefix: RATING_PREFIXES.comment,
  async execute(interaction, id, context) {
    const choice = parseRatingChoice(id);
    if (!choice) throw new StaleControlError('form');
    await rateTicketAs(interaction, choice, interaction.fields.getTextInputValue(RATING_COMMENT_INPUT), context);
  },
};
