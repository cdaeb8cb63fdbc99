import type { ModalSubmitInteraction } from 'discord.js';
import type { RatingChoice } from '../../discord/rating/rating-ids.ts';
import { RATING_COMMENT_MAX } from '../../domain/ticket-rating.ts';
import { resolveLocale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/translate.ts';
import { findTicketByNumber } from '../../store/find-ticket.ts';
import { updateTicket } from '../../temporal/ticket-updates.ts';
import { rateTicket } from '../../workflows/definitions.ts';
import type { BotContext } from '../bot-context.ts';
import { answerInTime } from '../interactions/answer-in-time.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { answerFailure, deferEphemeral, REQUEST_QUEUED, UserFacingError } from '../replies.ts';
import { ratingRefusal } from './after-close-refusals.ts';

/**
 * The creator's rating from the comment modal, in a direct message or the ticket's thread: the ticket is found by the
 * guild and number the modal carries, and only its creator may rate it. Answered privately in their language.
 */
export async function rateTicketAs(
  interaction: ModalSubmitInteraction,
  choice: RatingChoice,
  comment: string,
  context: BotContext,
): Promise<void> {
  const t = translator(resolveLocale(interaction.locale, interaction.guildLocale));
  const { number, stars } = choice;
  try {
    await deferEphemeral(interaction);
    const ticket = await readInTime(findTicketByNumber(context.prisma, choice.guildId, number));
    if (!ticket) throw new UserFacingError(t('rating.unknownTicket', { number }));
    if (ticket.creatorId !== interaction.user.id) throw new UserFacingError(t('rating.forbidden', { number }));
    if (comment.length > RATING_COMMENT_MAX)
      throw new UserFacingError(t('rating.invalid', { max: RATING_COMMENT_MAX }));
    const actor = { id: interaction.user.id, name: interaction.user.username.slice(0, 100), isStaff: false };
    await answerInTime(
      interaction,
      { pending: async () => REQUEST_QUEUED, unconfirmed: async () => REQUEST_QUEUED },
      async (_show, stillWanted) => {
        try {
          await updateTicket(
            context.temporal,
            ticket.workflowId,
            rateTicket,
            { actor, stars, comment: comment.trim() || null },
            { updateId: `bot-${interaction.id}`, stillWanted },
          );
        } catch (error) {
          throw ratingRefusal(t, number, error, RATING_COMMENT_MAX);
        }
        return t('rating.thanks', { number, stars });
      },
    );
  } catch (error) {
    await answerFailure(interaction, error);
  }
}
