import { openSubcommandData } from '../../../discord/ticket-command/ticket-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { beginOpenTicket } from '../../tickets/open-ticket-flow.ts';

/**
 * `/ticket open type:`; the value is still checked against the configuration by beginOpenTicket (a type may be
 * removed while a member has the old list open). Not deferred: the type's questions modal must be the first answer.
 */
export const openSubcommand: TicketSubcommand = {
  data: openSubcommandData([]),
  execute: (interaction, context) =>
    beginOpenTicket(interaction, interaction.options.getString('type', true).trim().toLowerCase(), context),
};
