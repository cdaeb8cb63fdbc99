import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { beginOpenTicket } from '../../tickets/open-ticket-flow.ts';

/**
 * The type is a free string checked against the guild's configuration by beginOpenTicket: choices are fixed
 * when the command is registered, while types change with `/ticket config type-add`. Not deferred: the type's
 * questions modal must be the first answer.
 */
export const openSubcommand: TicketSubcommand = {
  data: new SlashCommandSubcommandBuilder()
    .setName('open')
    .setDescription('Open a ticket: a private thread with staff')
    .addStringOption((option) =>
      option
        .setName('type')
        .setDescription('Ticket type, e.g. support (staff list them with /ticket config show)')
        .setRequired(true)
        .setMaxLength(32),
    ),
  execute: (interaction, context) =>
    beginOpenTicket(interaction, interaction.options.getString('type', true).trim().toLowerCase(), context),
};
