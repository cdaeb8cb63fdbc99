import { unassignSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { assignOrOfferTakeOver } from '../../tickets/people-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/**
 * `/ticket unassign`: the ticket's release, the same action as the Unclaim button. The assignee releases their own
 * at once; anyone else's is a take-over, confirmed first.
 */
export const unassignSubcommand: TicketSubcommand = {
  data: unassignSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) => assignOrOfferTakeOver(interaction, ticket, context, null)),
};
