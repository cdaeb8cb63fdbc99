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
  async answer(interaction, context) {
    const hours = interaction.options.getInteger('hours', true);
    await changeGuildConfig(interaction, context, (config) => ({ ...config, inactivityTimeoutMinutes: hours * 60 }));
    return `Tickets opened from now on are warned after ${hours} hours without a message, then closed.`;
  },
};

export const openLimitSubcommand: ConfigSubcommand = {
  data: openLimitSubcommandData,
  async answer(interaction, context) {
    const count = interaction.options.getInteger('count', true);
    const typeKey = interaction.options.getString('type');
    await changeGuildConfig(interaction, context, (config) => {
      if (typeKey === null) return { ...config, openLimitPerMember: count };
      if (!config.ticketTypes.some((type) => type.key === typeKey)) {
        throw new UserFacingError(`There is no ticket type "${typeKey}".`);
      }
      return {
        ...config,
        ticketTypes: config.ticketTypes.map((type) => (type.key === typeKey ? { ...type, openLimit: count } : type)),
      };
    });
    return typeKey === null
      ? `A member may have ${count} open tickets at once.`
      : `A member may have ${count} open "${typeKey}" tickets at once.`;
  },
};

export const cooldownSubcommand: ConfigSubcommand = {
  data: cooldownSubcommandData,
  async answer(interaction, context) {
    const seconds = interaction.options.getInteger('seconds', true);
    await changeGuildConfig(interaction, context, (config) => ({ ...config, openCooldownSeconds: seconds }));
    return seconds === 0
      ? 'Members may open tickets with no wait between them.'
      : `A member waits ${seconds} seconds after opening a ticket before opening another.`;
  },
};
