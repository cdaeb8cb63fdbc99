import { unassignSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { assignTicketAs } from '../../tickets/actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

export const unassignSubcommand: TicketSubcommand = {
  data: unassignSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) => assignTicketAs(interaction, ticket, null, context)),
};
