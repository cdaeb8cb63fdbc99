import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { assignTicketAs } from '../../tickets/actions.ts';
import { actOnTargetTicket, withTicketOption } from './ticket-target.ts';

export const unassignSubcommand: TicketSubcommand = {
  data: withTicketOption(
    new SlashCommandSubcommandBuilder()
      .setName('unassign')
      .setDescription('Remove the assignee of a ticket (staff only)'),
  ),
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) => assignTicketAs(interaction, ticket, null, context)),
};
