import { removeUserSubcommandData } from '../../../discord/ticket-command/people-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { removeTicketMemberAs } from '../../tickets/people-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

export const removeUserSubcommand: TicketSubcommand = {
  data: removeUserSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      removeTicketMemberAs(interaction, ticket, interaction.options.getUser('member', true).id, context),
    ),
};
