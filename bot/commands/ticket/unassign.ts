import { unclaimSubcommandData } from '../../../discord/ticket-command/people-subcommands.ts';
import { unassignSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { assignOrOfferTakeOver } from '../../tickets/people-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/**
 * `/ticket unassign` and `/ticket unclaim`: one action, the ticket's release. The assignee releases their own at
 * once; anyone else's is a take-over, confirmed first.
 */
const release: TicketSubcommand['execute'] = (interaction, context) =>
  actOnTargetTicket(interaction, context, (ticket) => assignOrOfferTakeOver(interaction, ticket, context, null));

export const unassignSubcommand: TicketSubcommand = { data: unassignSubcommandData, execute: release };
export const unclaimSubcommand: TicketSubcommand = { data: unclaimSubcommandData, execute: release };
