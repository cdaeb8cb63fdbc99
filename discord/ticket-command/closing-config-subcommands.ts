import { SlashCommandSubcommandBuilder } from 'discord.js';
import { GUILD_CONFIG_LIMITS } from '../../domain/guild-config.ts';
import { localizedChoice, localizedCommandText } from '../../i18n/discord-localizations.ts';

const MAX_REOPEN_WINDOW_DAYS = GUILD_CONFIG_LIMITS.reopenWindowDays.max;

/** `/ticket-config reopen-window days:`: how long a closed ticket may be reopened; 0 makes every close final. */
export const reopenWindowSubcommandData = localizedCommandText(
  new SlashCommandSubcommandBuilder(),
  'commands.config.reopen-window',
).addIntegerOption((option) =>
  localizedCommandText(option, 'commands.config.reopen-window.days', { max: MAX_REOPEN_WINDOW_DAYS })
    .setRequired(true)
    .setMinValue(GUILD_CONFIG_LIMITS.reopenWindowDays.min)
    .setMaxValue(MAX_REOPEN_WINDOW_DAYS),
);

/** `/ticket-config closing-dm state:`: whether a close sends the creator a DM with its reason and transcript. */
export const closingDmSubcommandData = localizedCommandText(
  new SlashCommandSubcommandBuilder(),
  'commands.config.closing-dm',
).addStringOption((option) =>
  localizedCommandText(option, 'commands.config.closing-dm.state')
    .setRequired(true)
    .addChoices(
      localizedChoice('commands.config.notifications.on', 'on'),
      localizedChoice('commands.config.notifications.off', 'off'),
    ),
);
