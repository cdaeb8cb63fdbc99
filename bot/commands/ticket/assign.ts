import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { assignTicketAs } from '../../tickets/actions.ts';
import { actOnTargetTicket, withTicketOption } from './ticket-target.ts';

export const assignSubcommand: TicketSubcommand = {
  data: withTicketOption(
    new SlashCommandSubcommandBuilder()
      .setName('assign')
      .setDescription('Assign a ticket to a staff member (staff only)')
      .addUserOption((option) => option.setName('member').setDescription('Who takes the ticket').setRequired(true)),
  ),
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      assignTicketAs(interaction, ticket, interaction.options.getUser('member', true).id, context),
    ),
};
