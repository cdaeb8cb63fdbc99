import { SlashCommandSubcommandBuilder } from 'discord.js';
import { UserFacingError } from '../../../replies.ts';
import { changeGuildConfig } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

// The options' ranges are the schema's (domain/guild-config.ts), so Discord's client refuses what the save would.
const MAX_INACTIVITY_HOURS = 90 * 24;
const MAX_OPEN_LIMIT = 50;
const MAX_COOLDOWN_SECONDS = 7 * 24 * 3600;

export const inactivitySubcommand: ConfigSubcommand = {
  data: new SlashCommandSubcommandBuilder()
    .setName('inactivity')
    .setDescription('Hours without a message before a ticket is warned, then closed')
    .addIntegerOption((option) =>
      option
        .setName('hours')
        .setDescription(`1 to ${MAX_INACTIVITY_HOURS}`)
        .setRequired(true)
        .setMinValue(1)
        .setMaxValue(MAX_INACTIVITY_HOURS),
    ),
  async answer(interaction, context) {
    const hours = interaction.options.getInteger('hours', true);
    await changeGuildConfig(interaction, context, (config) => ({ ...config, inactivityTimeoutMinutes: hours * 60 }));
    return `Tickets opened from now on are warned after ${hours} hours without a message, then closed.`;
  },
};

export const openLimitSubcommand: ConfigSubcommand = {
  data: new SlashCommandSubcommandBuilder()
    .setName('open-limit')
    .setDescription('How many open tickets one member may have (in all, or of one type)')
    .addIntegerOption((option) =>
      option
        .setName('count')
        .setDescription(`1 to ${MAX_OPEN_LIMIT}`)
        .setRequired(true)
        .setMinValue(1)
        .setMaxValue(MAX_OPEN_LIMIT),
    )
    .addStringOption((option) =>
      option
        .setName('type')
        .setDescription('A ticket type key; leave empty for the limit across all types')
        .setMaxLength(32),
    ),
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
  data: new SlashCommandSubcommandBuilder()
    .setName('cooldown')
    .setDescription('Seconds a member waits after opening a ticket before opening another')
    .addIntegerOption((option) =>
      option
        .setName('seconds')
        .setDescription(`0 (none) to ${MAX_COOLDOWN_SECONDS}`)
        .setRequired(true)
        .setMinValue(0)
        .setMaxValue(MAX_COOLDOWN_SECONDS),
    ),
  async answer(interaction, context) {
    const seconds = interaction.options.getInteger('seconds', true);
    await changeGuildConfig(interaction, context, (config) => ({ ...config, openCooldownSeconds: seconds }));
    return seconds === 0
      ? 'Members may open tickets with no wait between them.'
      : `A member waits ${seconds} seconds after opening a ticket before opening another.`;
  },
};
