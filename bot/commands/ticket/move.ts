import { moveSubcommandData } from '../../../discord/ticket-command/metadata-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { moveTicketAs } from '../../tickets/metadata-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/** `/ticket move type: [ticket]` */
export const moveSubcommand: TicketSubcommand = {
  data: moveSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      moveTicketAs(interaction, ticket, interaction.options.getString('type', true), context),
    ),
};
