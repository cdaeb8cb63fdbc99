import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { parseRatingChoice, RATING_PREFIXES, ratingChoiceId } from '../../discord/rating/rating-ids.ts';
import { RATING_COMMENT_MAX } from '../../domain/ticket-rating.ts';
import type { AnywhereButtonHandler } from '../interactions/handler-types.ts';
import { memberWords } from '../interactions/interaction-words.ts';
import { BEFORE_MODAL_READ_WITHIN_MS } from '../interactions/read-in-time.ts';
import { StaleControlError } from '../replies.ts';

export const RATING_COMMENT_INPUT = 'comment';

/**
 * A star button under the creator's direct message (or the thread prompt's private answer): opens the modal for an
 * optional comment, in their language. The modal is the interaction's first answer, so only the ticket's guild's
 * language is read before it, under a short deadline; the ticket checks who rates and whether it still may be rated
 * when the modal is sent.
 */
export const rateStarsButton: AnywhereButtonHandler = {
  prefix: RATING_PREFIXES.stars,
  async execute(interaction, id, context) {
    const choice = parseRatingChoice(id);
    if (!choice) throw new StaleControlError('control');
    const t = await memberWords(interaction, context, choice.guildId, BEFORE_MODAL_READ_WITHIN_MS);
    const modal = new ModalBuilder()
      .setCustomId(ratingChoiceId(RATING_PREFIXES.comment, choice))
      .setTitle(t('rating.modalTitle', { number: choice.number, stars: choice.stars }))
      .addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder()
            .setCustomId(RATING_COMMENT_INPUT)
            .setLabel(t('rating.commentLabel'))
            .setPlaceholder(t('rating.commentPlaceholder'))
            .setStyle(TextInputStyle.Paragraph)
            .setRequired(false)
            .setMaxLength(RATING_COMMENT_MAX),
        ),
      );
    await interaction.showModal(modal);
  },
};
