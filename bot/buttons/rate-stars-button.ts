import { ActionRowBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import { parseRatingChoice, RATING_PREFIXES, ratingChoiceId } from '../../discord/rating/rating-ids.ts';
import { RATING_COMMENT_MAX } from '../../domain/ticket-rating.ts';
import { resolveLocale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/translate.ts';
import type { AnywhereButtonHandler } from '../interactions/handler-types.ts';
import { UserFacingError } from '../replies.ts';

export const RATING_COMMENT_INPUT = 'comment';

/**
 * A star button under the creator's direct message (or the thread prompt's private answer): opens the modal for an
 * optional comment, in their language. The modal is the interaction's first answer, so nothing is read before it;
 * the ticket checks who rates and whether it still may be rated when the modal is sent.
 */
export const rateStarsButton: AnywhereButtonHandler = {
  prefix: RATING_PREFIXES.stars,
  async execute(interaction, id) {
    const choice = parseRatingChoice(id);
    if (!choice) throw new UserFacingError('This control belongs to no ticket any more.');
    const t = translator(resolveLocale(interaction.locale, interaction.guildLocale));
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
