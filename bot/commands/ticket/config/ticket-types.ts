import {
  typeAddSubcommandData,
  typeRemoveSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import { GUILD_CONFIG_LIMITS, type GuildConfig, type TicketType } from '../../../../domain/guild-config.ts';
import type { Translate } from '../../../../i18n/translate.ts';
import { UserFacingError } from '../../../replies.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/** The guild's type with this key, or a refusal naming the keys it has. */
export function configuredType(t: Translate, config: GuildConfig, key: string): TicketType {
  const type = config.ticketTypes.find((candidate) => candidate.key === key);
  if (!type) {
    const types = config.ticketTypes.map((candidate) => candidate.key).join(', ');
    throw new UserFacingError(t('config.type.unknown', { type: key, types }));
  }
  return type;
}

export const typeAddSubcommand: ConfigSubcommand = {
  data: typeAddSubcommandData,
  async answer(interaction, context, t) {
    const key = interaction.options.getString('key', true);
    const name = interaction.options.getString('name', true);
    const description = interaction.options.getString('description') ?? '';
    await changeGuildConfig(interaction, context, t, (config) => {
      if (config.ticketTypes.some((type) => type.key === key)) {
        throw new UserFacingError(t('config.type.exists', { type: key }));
      }
      // A panel's type menu holds at most 25 options.
      if (config.ticketTypes.length >= GUILD_CONFIG_LIMITS.ticketTypes) {
        throw new UserFacingError(t('config.type.tooMany', { max: GUILD_CONFIG_LIMITS.ticketTypes }));
      }
      return { ...config, ticketTypes: [...config.ticketTypes, { key, name, description }] };
    });
    return t('config.type.added', { type: key, name });
  },
};

export const typeRemoveSubcommand: ConfigSubcommand = {
  data: typeRemoveSubcommandData,
  async answer(interaction, context, t) {
    const key = interaction.options.getString('key', true);
    await changeGuildConfig(interaction, context, t, (config) => {
      configuredType(t, config, key);
      if (config.ticketTypes.length === 1) throw new UserFacingError(t('config.type.lastOne'));
      return { ...config, ticketTypes: config.ticketTypes.filter((type) => type.key !== key) };
    });
    return t('config.type.removed', { type: key });
  },
};
