import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags } from 'discord.js';
import { CUSTOM_ID_PREFIX, customId } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/**
 * The thread's Close button asks first: closing locks the thread. No slow call before the answer, so it is
 * always in time; who may close is checked when the member confirms.
 */
export const closeButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.close,
  async execute(interaction, id) {
    const number = String(ticketNumberOf(id));
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder()
        .setCustomId(customId(CUSTOM_ID_PREFIX.closeConfirm, number))
        .setStyle(ButtonStyle.Danger)
        .setLabel('Confirm'),
      new ButtonBuilder()
        .setCustomId(customId(CUSTOM_ID_PREFIX.closeWithReason, number))
        .setStyle(ButtonStyle.Secondary)
        .setLabel('Close with reason'),
    );
    await interaction.reply({
      content: `Close ticket #${number}? The thread will be locked and archived.`,
      components: [row],
      flags: MessageFlags.Ephemeral,
    });
  },
};
