import { closeSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { closeTicketAs } from '../../tickets/actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

export const closeSubcommand: TicketSubcommand = {
  data: closeSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      closeTicketAs(interaction, ticket, interaction.options.getString('reason'), context),
    ),
};
