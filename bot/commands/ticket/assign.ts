import { assignSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { assignOrOfferTakeOver } from '../../tickets/people-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/** The chosen member comes with the interaction, roles and permissions included: their staff status costs nothing. */
export const assignSubcommand: TicketSubcommand = {
  data: assignSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      assignOrOfferTakeOver(interaction, ticket, context, {
        id: interaction.options.getUser('member', true).id,
        member: interaction.options.getMember('member'),
      }),
    ),
};
