import { ratingButtons } from '../../discord/rating/rating-buttons.ts';
import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { memberWords } from '../interactions/interaction-words.ts';
import { deferEphemeral, replyEphemeral } from '../replies.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/**
 * "Rate" in a closed ticket's thread, posted when the creator's DMs are closed: the creator gets the star buttons in
 * a private answer, so their rating is given out of the thread's sight; anyone else is told it is not theirs.
 */
export const ratePromptButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.ratePrompt,
  async execute(interaction, id, context) {
    await deferEphemeral(interaction);
    const t = await memberWords(interaction, context, interaction.guildId);
    const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
    if (ticket.creatorId !== interaction.user.id) {
      await replyEphemeral(interaction, t('rating.forbidden', { number: ticket.number }));
      return;
    }
    await interaction.editReply({
      content: t('rating.chooseStars', { number: ticket.number }),
      components: [ratingButtons(interaction.guildId, ticket.number)],
    });
  },
};
