import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { answerFailure, deferEphemeral } from '../../replies.ts';
import { ticketListPage } from './ticket-list-page.ts';

export const listSubcommand: TicketSubcommand = {
  data: new SlashCommandSubcommandBuilder()
    .setName('list')
    .setDescription('Open tickets: all of them for staff, your own for members')
    .addIntegerOption((option) =>
      option.setName('page').setDescription('Page to show (10 tickets a page)').setMinValue(1),
    ),
  async execute(interaction, context) {
    try {
      await deferEphemeral(interaction);
      await interaction.editReply(
        await ticketListPage(context, interaction.member, interaction.options.getInteger('page') ?? 1),
      );
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
