import { SlashCommandSubcommandBuilder } from 'discord.js';
import { GUILD_CONFIG_LIMITS } from '../../domain/guild-config.ts';
import { localizedCommandText } from '../../i18n/discord-localizations.ts';

const MAX_TARGET_MINUTES = GUILD_CONFIG_LIMITS.slaTargetMinutes.max;

export const supportHoursSubcommandData = localizedCommandText(
  new SlashCommandSubcommandBuilder(),
  'commands.config.support-hours',
)
  .addStringOption((option) => localizedCommandText(option, 'commands.config.support-hours.time-zone').setMaxLength(64))
  .addStringOption((option) => localizedCommandText(option, 'commands.config.support-hours.hours').setMaxLength(1000))
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.support-hours.holidays').setMaxLength(3000),
  );

export const slaSubcommandData = localizedCommandText(new SlashCommandSubcommandBuilder(), 'commands.config.sla')
  .addStringOption((option) =>
    localizedCommandText(option, 'commands.config.sla.type').setMaxLength(32).setAutocomplete(true),
  )
  .addIntegerOption((option) =>
    localizedCommandText(option, 'commands.config.sla.first-response').setMinValue(0).setMaxValue(MAX_TARGET_MINUTES),
  )
  .addIntegerOption((option) =>
    localizedCommandText(option, 'commands.config.sla.resolution').setMinValue(0).setMaxValue(MAX_TARGET_MINUTES),
  )
  .addRoleOption((option) => localizedCommandText(option, 'commands.config.sla.escalation-role'))
  .addBooleanOption((option) => localizedCommandText(option, 'commands.config.sla.no-escalation-role'));
