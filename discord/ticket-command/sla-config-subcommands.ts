import { SlashCommandSubcommandBuilder } from 'discord.js';
import { GUILD_CONFIG_LIMITS } from '../../domain/guild-config.ts';

const MAX_TARGET_MINUTES = GUILD_CONFIG_LIMITS.slaTargetMinutes.max;

export const supportHoursSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('support-hours')
  .setDescription('When staff answer: time zone, weekly hours, holidays (nothing given: show them)')
  .addStringOption((option) =>
    option.setName('time-zone').setDescription('An IANA time zone, e.g. Europe/Berlin').setMaxLength(64),
  )
  .addStringOption((option) =>
    option
      .setName('hours')
      .setDescription('e.g. mon-fri 09:00-17:00; sat 10:00-12:00, 13:00-15:00 (24/7: always)')
      .setMaxLength(1000),
  )
  .addStringOption((option) =>
    option
      .setName('holidays')
      .setDescription('Dates closed, e.g. 2026-12-24, 2026-12-25 (none: no holidays)')
      .setMaxLength(3000),
  );

export const slaSubcommandData = new SlashCommandSubcommandBuilder()
  .setName('sla')
  .setDescription("A type's response targets in support time, and who is pinged when one is missed")
  .addStringOption((option) =>
    option.setName('type').setDescription('The type key (empty: the server-wide escalation role)').setMaxLength(32),
  )
  .addIntegerOption((option) =>
    option
      .setName('first-response')
      .setDescription('Minutes until staff first answer (0: no target)')
      .setMinValue(0)
      .setMaxValue(MAX_TARGET_MINUTES),
  )
  .addIntegerOption((option) =>
    option
      .setName('resolution')
      .setDescription('Minutes until closed, not counting waits on the member (0: no target)')
      .setMinValue(0)
      .setMaxValue(MAX_TARGET_MINUTES),
  )
  .addRoleOption((option) => option.setName('escalation-role').setDescription('Role pinged when a target is missed'))
  .addBooleanOption((option) =>
    option.setName('no-escalation-role').setDescription("Remove the escalation role (a type then uses the server's)"),
  );
