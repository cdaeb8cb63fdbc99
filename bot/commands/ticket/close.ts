import { SlashCommandSubcommandBuilder } from 'discord.js';
import { CLOSE_REASON_MAX } from '../../../workflows/ticket-validators.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { closeTicketAs } from '../../tickets/actions.ts';
import { actOnTargetTicket, withTicketOption } from './ticket-target.ts';

export const closeSubcommand: TicketSubcommand = {
  data: withTicketOption(
    new SlashCommandSubcommandBuilder()
      .setName('close')
      .setDescription('Close a ticket (the member who opened it, or staff)')
      .addStringOption((option) =>
        option
          .setName('reason')
          .setDescription('Why it is closed; shown in the summary')
          .setMaxLength(CLOSE_REASON_MAX),
      ),
  ),
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      closeTicketAs(interaction, ticket, interaction.options.getString('reason'), context),
    ),
};
