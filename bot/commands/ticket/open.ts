import { openSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { beginOpenTicket } from '../../tickets/open-ticket-flow.ts';
import { suggestTicketTypes } from './ticket-type-suggestions.ts';

/**
 * `/ticket open type:`, the type suggested from the guild's configuration as the member types. The value sent may
 * be anything typed, so beginOpenTicket checks it against the configuration. Not deferred: the type's questions
 * modal must be the first answer.
 */
export const openSubcommand: TicketSubcommand = {
  data: openSubcommandData,
  execute: (interaction, context) =>
    beginOpenTicket(interaction, interaction.options.getString('type', true).trim().toLowerCase(), context),
  autocomplete: suggestTicketTypes,
};
