import { addUserSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { addTicketMemberAs } from '../../tickets/actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

export const addUserSubcommand: TicketSubcommand = {
  data: addUserSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      addTicketMemberAs(interaction, ticket, interaction.options.getUser('member', true).id, context),
    ),
};
