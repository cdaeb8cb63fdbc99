import { SlashCommandSubcommandBuilder } from 'discord.js';
import type { TicketType } from '../../../domain/guild-config.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { beginOpenTicket } from '../../tickets/open-ticket-flow.ts';

/**
 * `/ticket open type:`, with the guild's types as choices: guild commands are registered per guild, and again
 * whenever its types change. The value is still checked against the configuration by beginOpenTicket (a type
 * may be removed while a member has the old list open).
 */
export function openSubcommandData(types: readonly Pick<TicketType, 'key' | 'name'>[]): SlashCommandSubcommandBuilder {
  return new SlashCommandSubcommandBuilder()
    .setName('open')
    .setDescription('Open a ticket: a private thread with staff')
    .addStringOption((option) =>
      option
        .setName('type')
        .setDescription('What the ticket is about')
        .setRequired(true)
        .setMaxLength(32)
        .addChoices(types.map((type) => ({ name: type.name.slice(0, 100), value: type.key }))),
    );
}

/** Not deferred: the type's questions modal must be the first answer. */
export const openSubcommand: TicketSubcommand = {
  data: openSubcommandData([]),
  execute: (interaction, context) =>
    beginOpenTicket(interaction, interaction.options.getString('type', true).trim().toLowerCase(), context),
};
