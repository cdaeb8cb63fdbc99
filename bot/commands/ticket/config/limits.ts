import {
  cooldownSubcommandData,
  inactivitySubcommandData,
  openLimitSubcommandData,
} from '../../../../discord/ticket-command/config-subcommands.ts';
import { UserFacingError } from '../../../replies.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

export const inactivitySubcommand: ConfigSubcommand = {
  data: inactivitySubcommandData,
  async answer(interaction, context, t) {
    const hours = interaction.options.getInteger('hours', true);
    await changeGuildConfig(interaction, context, t, (config) => ({ ...config, inactivityTimeoutMinutes: hours * 60 }));
    return t('config.inactivity.saved', { hours });
  },
};

export const openLimitSubcommand: ConfigSubcommand = {
  data: openLimitSubcommandData,
  async answer(interaction, context, t) {
    const count = interaction.options.getInteger('count', true);
    const typeKey = interaction.options.getString('type');
    await changeGuildConfig(interaction, context, t, (config) => {
      if (typeKey === null) return { ...config, openLimitPerMember: count };
      if (!config.ticketTypes.some((type) => type.key === typeKey)) {
        throw new UserFacingError(t('config.openLimit.unknownType', { type: typeKey }));
      }
      return {
        ...config,
        ticketTypes: config.ticketTypes.map((type) => (type.key === typeKey ? { ...type, openLimit: count } : type)),
      };
    });
    return typeKey === null
      ? t('config.openLimit.saved', { count })
      : t('config.openLimit.savedForType', { count, type: typeKey });
  },
};

export const cooldownSubcommand: ConfigSubcommand = {
  data: cooldownSubcommandData,
  async answer(interaction, context, t) {
    const seconds = interaction.options.getInteger('seconds', true);
    await changeGuildConfig(interaction, context, t, (config) => ({ ...config, openCooldownSeconds: seconds }));
    return seconds === 0 ? t('config.cooldown.none') : t('config.cooldown.saved', { seconds });
  },
};
