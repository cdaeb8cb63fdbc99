import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { addTicketMemberAs } from '../../tickets/actions.ts';
import { actOnTargetTicket, withTicketOption } from './ticket-target.ts';

export const addUserSubcommand: TicketSubcommand = {
  data: withTicketOption(
    new SlashCommandSubcommandBuilder()
      .setName('add-user')
      .setDescription("Add a member to a ticket's private thread (staff only)")
      .addUserOption((option) => option.setName('member').setDescription('Who joins the ticket').setRequired(true)),
  ),
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      addTicketMemberAs(interaction, ticket, interaction.options.getUser('member', true).id, context),
    ),
};
