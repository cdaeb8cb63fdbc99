import { prioritySubcommandData } from '../../../discord/ticket-command/metadata-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { setPriorityAs } from '../../tickets/metadata-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/** `/ticket priority level: [ticket]` */
export const prioritySubcommand: TicketSubcommand = {
  data: prioritySubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      setPriorityAs(interaction, ticket, interaction.options.getString('level', true), context),
    ),
};
