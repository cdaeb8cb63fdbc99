import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import { CUSTOM_ID_PREFIX, customId } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { interactionWords } from '../interactions/interaction-words.ts';
import { deferEphemeral, replyEphemeral } from '../replies.ts';
import { closeFactsOf } from '../tickets/answer-from-record.ts';
import { closedTicketAnswer } from '../tickets/closure-words.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/**
 * The ticket's Close button asks first, saying what closing does to the thread or channel it is pressed in and, with
 * the guild's reopen window on, for how long the ticket can be reopened (open tickets follow the guild's window). A ticket its row says is closed is answered with
 * who closed it instead, so it acknowledges first and reads the row; who may close is checked when the member
 * confirms.
 */
export const closeButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.close,
  async execute(interaction, id, context) {
    await deferEphemeral(interaction);
    const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
    const t = interactionWords(interaction, config?.language);
    const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
    if (ticket.status === 'closed') {
      await replyEphemeral(interaction, closedTicketAnswer(t, ticket.number, closeFactsOf(ticket), 'close'));
      return;
    }
    const number = String(ticket.number);
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder()
        .setCustomId(customId(CUSTOM_ID_PREFIX.closeConfirm, number))
        .setStyle(ButtonStyle.Danger)
        .setLabel(t('replies.close.confirm')),
      new ButtonBuilder()
        .setCustomId(customId(CUSTOM_ID_PREFIX.closeWithReason, number))
        .setStyle(ButtonStyle.Secondary)
        .setLabel(t('replies.close.withReason')),
    );
    await interaction.editReply({
      content: t('replies.close.question', {
        number,
        space: interaction.channel?.isThread() === false ? 'channel' : 'thread',
        reopenDays: config?.reopenWindowDays ?? 0,
      }),
      components: [row],
    });
  },
};
