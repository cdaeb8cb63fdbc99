import { EmbedBuilder, SlashCommandSubcommandBuilder } from 'discord.js';
import type { GuildConfig } from '../../../../domain/guild-config.ts';
import { NOT_SET_UP } from './change-guild-config.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/** Discord's limit for an embed description; a guild with many long questions is cut there. */
const DESCRIPTION_MAX = 4096;
const BLOCKED_SHOWN = 20;

export const showSubcommand: ConfigSubcommand = {
  data: new SlashCommandSubcommandBuilder().setName('show').setDescription("Show this server's ticket settings"),
  async answer(interaction, context) {
    const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
    if (!config) return NOT_SET_UP;
    const embed = new EmbedBuilder().setTitle('Ticket settings').setDescription(fitted(describeConfig(config)));
    return { embeds: [embed], allowedMentions: { parse: [] } };
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

/** Whole lines up to Discord's limit, and a note of how many did not fit. */
function fitted(lines: string[]): string {
  let text = '';
  for (const [index, line] of lines.entries()) {
    const more = `\n… and ${lines.length - index} more lines`;
    const next = text ? `${text}\n${line}` : line;
    const roomForNote = index === lines.length - 1 ? 0 : more.length;
    if (next.length + roomForNote > DESCRIPTION_MAX) return `${text}${more}`;
    text = next;
  }
  return text;
}
