import {
  typeAddSubcommandData,
  typeRemoveSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import type { GuildConfig, TicketType } from '../../../../domain/guild-config.ts';
import { UserFacingError } from '../../../replies.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/** A panel's type menu holds at most 25 options. */
const MAX_TICKET_TYPES = 25;

/** The guild's type with this key, or a refusal naming the keys it has. */
export function configuredType(config: GuildConfig, key: string): TicketType {
  const type = config.ticketTypes.find((candidate) => candidate.key === key);
  if (!type) {
    const keys = config.ticketTypes.map((candidate) => candidate.key).join(', ');
    throw new UserFacingError(`There is no ticket type "${key}". The types are: ${keys}.`);
  }
  return type;
}

export const typeAddSubcommand: ConfigSubcommand = {
  data: typeAddSubcommandData,
  async answer(interaction, context) {
    const key = interaction.options.getString('key', true);
    const name = interaction.options.getString('name', true);
    const description = interaction.options.getString('description') ?? '';
    await changeGuildConfig(interaction, context, (config) => {
      if (config.ticketTypes.some((type) => type.key === key)) {
        throw new UserFacingError(`There is already a ticket type "${key}".`);
      }
      if (config.ticketTypes.length >= MAX_TICKET_TYPES) {
        throw new UserFacingError(
          `A server can have at most ${MAX_TICKET_TYPES} ticket types, the most a menu can list.`,
        );
      }
      return { ...config, ticketTypes: [...config.ticketTypes, { key, name, description }] };
    });
    return (
      `Added the ticket type "${key}" (${name}). Give it questions with \`/ticket-config question add\`, ` +
      'and post the panel again with `/ticket panel` so members see it.'
    );
  },
};

export const typeRemoveSubcommand: ConfigSubcommand = {
  data: typeRemoveSubcommandData,
  async answer(interaction, context) {
    const key = interaction.options.getString('key', true);
    await changeGuildConfig(interaction, context, (config) => {
      configuredType(config, key);
      if (config.ticketTypes.length === 1) {
        throw new UserFacingError('A server needs at least one ticket type: add another before removing this one.');
      }
      return { ...config, ticketTypes: config.ticketTypes.filter((type) => type.key !== key) };
    });
    return `Removed the ticket type "${key}". Post the panel again with \`/ticket panel\` so members no longer see it.`;
  },
};
