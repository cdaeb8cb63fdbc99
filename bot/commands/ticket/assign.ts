import { assignSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { assignTicketAs } from '../../tickets/actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

export const assignSubcommand: TicketSubcommand = {
  data: assignSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      assignTicketAs(interaction, ticket, interaction.options.getUser('member', true).id, context),
    ),
};
