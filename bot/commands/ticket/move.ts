import { moveSubcommandData } from '../../../discord/ticket-command/metadata-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { moveTicketAs } from '../../tickets/metadata-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';
import { suggestTicketTypes } from './ticket-type-suggestions.ts';

/** `/ticket move type: [ticket]`, the type suggested from the guild's configuration; moveTicketAs checks it. */
export const moveSubcommand: TicketSubcommand = {
  data: moveSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) =>
      moveTicketAs(interaction, ticket, interaction.options.getString('type', true), context),
    ),
  autocomplete: suggestTicketTypes,
};
