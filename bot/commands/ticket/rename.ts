import { renameSubcommandData } from '../../../discord/ticket-command/metadata-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { renameTicketAs } from '../../tickets/metadata-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/** `/ticket rename name: [ticket]` */
export const renameSubcommand: TicketSubcommand = {
  data: renameSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      renameTicketAs(interaction, ticket, interaction.options.getString('name', true), context),
    ),
};
