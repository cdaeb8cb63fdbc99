import { addRoleSubcommandData } from '../../../discord/ticket-command/people-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { addTicketRoleAs } from '../../tickets/people-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

export const addRoleSubcommand: TicketSubcommand = {
  data: addRoleSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      addTicketRoleAs(interaction, ticket, interaction.options.getRole('role', true).id, context),
    ),
};
