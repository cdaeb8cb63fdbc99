import { EmbedBuilder } from 'discord.js';
import { showSubcommandData } from '../../../../discord/ticket-command/config-subcommands.ts';
import type { GuildConfig } from '../../../../domain/guild-config.ts';
import { guildCapabilityFacts, readApplicationFlags } from '../../../diagnostics/capability-facts.ts';
import { missingCapabilities, type Naming, NOTHING_MISSING } from '../../../diagnostics/missing-capabilities.ts';
import { NOT_SET_UP } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/** Channels and roles as Discord's client shows mentions: by their current names. */
const DISCORD_NAMING: Naming = { channel: (id) => `<#${id}>`, role: (id) => `<@&${id}>` };

/** Discord's limits for an embed description and for all of a message's embeds; long settings are cut there. */
const DESCRIPTION_MAX = 4096;
const EMBEDS_MAX = 6000;
const SETTINGS_TITLE = 'Ticket settings';
const CAPABILITIES_TITLE = 'What the bot may do here';
const BLOCKED_SHOWN = 20;

export const showSubcommand: ConfigSubcommand = {
  data: showSubcommandData,
  async answer(interaction, context) {
    const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
    if (!config) return NOT_SET_UP;
    const facts = await guildCapabilityFacts(interaction.guild, config);
    const missing = missingCapabilities(
      { ...facts, applicationFlags: await readApplicationFlags(interaction.client) },
      DISCORD_NAMING,
    );
    const capabilities = fitted(missing.length > 0 ? missing : [NOTHING_MISSING], DESCRIPTION_MAX);
    // The settings get what the message's embeds may still hold.
    const room = EMBEDS_MAX - SETTINGS_TITLE.length - CAPABILITIES_TITLE.length - capabilities.length;
    const settings = fitted(describeConfig(config), Math.min(DESCRIPTION_MAX, room));
    return {
      embeds: [
        new EmbedBuilder().setTitle(SETTINGS_TITLE).setDescription(settings),
        new EmbedBuilder().setTitle(CAPABILITIES_TITLE).setDescription(capabilities),
      ],
      allowedMentions: { parse: [] },
    };
  },
};

function describeConfig(config: GuildConfig): string[] {
  const channel = (id: string | null) => (id ? `<#${id}>` : 'none');
  const blocked = config.blockedUserIds.slice(0, BLOCKED_SHOWN).map((id) => `<@${id}>`);
  const moreBlocked = config.blockedUserIds.length - blocked.length;
  return [
    `**Ticket channel:** ${channel(config.ticketChannelId)}`,
    `**Histories channel:** ${channel(config.historiesChannelId)}`,
    `**Reminders channel:** ${channel(config.remindersChannelId)}`,
    `**Notification role:** ${config.notificationRoleId ? `<@&${config.notificationRoleId}>` : 'none'} (${config.notificationsEnabled ? 'on' : 'off'})`,
    `**Staff roles:** ${config.staffRoleIds.map((id) => `<@&${id}>`).join(', ') || 'none (members with Manage Server are staff)'}`,
    `**Inactivity:** warned after ${hours(config.inactivityTimeoutMinutes)}, closed ${hours(config.inactivityGraceMinutes)} later`,
    `**Open limit:** ${config.openLimitPerMember} per member`,
    `**Cooldown:** ${config.openCooldownSeconds} seconds`,
    `**Blocked:** ${blocked.join(', ') || 'nobody'}${moreBlocked > 0 ? ` and ${moreBlocked} more` : ''}`,
    '',
    `**Ticket types** (${config.ticketTypes.length})`,
    ...config.ticketTypes.flatMap((type) => [
      `\`${type.key}\` ${type.name} · limit ${type.openLimit}${type.description ? ` · ${type.description}` : ''}`,
      ...type.questions.map(
        (question, index) =>
          `  ${index + 1}. ${question.label} (${question.style}, ${question.required ? 'required' : 'optional'}, up to ${question.maxLength})`,
      ),
    ]),
  ];
}

function hours(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;
}

/** Whole lines up to `max` characters, and a note of how many did not fit. */
function fitted(lines: string[], max: number): string {
  let text = '';
  for (const [index, line] of lines.entries()) {
    const more = `\n… and ${lines.length - index} more lines`;
    const next = text ? `${text}\n${line}` : line;
    const roomForNote = index === lines.length - 1 ? 0 : more.length;
    if (next.length + roomForNote > max) return `${text}${more}`;
    text = next;
  }
  return text;
}
