import { EmbedBuilder } from 'discord.js';
import { showSubcommandData } from '../../../../discord/ticket-command/config-subcommands.ts';
import type { GuildConfig, TicketType } from '../../../../domain/guild-config.ts';
import { formatSupportSchedule } from '../../../../domain/support-schedule-text.ts';
import { LANGUAGE_NAMES } from '../../../../i18n/language-names.ts';
import { targetInWords } from '../../../../i18n/sla-target-words.ts';
import type { Translate } from '../../../../i18n/translate.ts';
import { guildCapabilityFacts, readApplicationFlags } from '../../../diagnostics/capability-facts.ts';
import { missingCapabilities, type Naming } from '../../../diagnostics/missing-capabilities.ts';
import type { ConfigSubcommand } from './config-subcommand.ts';

/** Channels and roles as Discord's client shows mentions: by their current names. */
const DISCORD_NAMING: Naming = { channel: (id) => `<#${id}>`, role: (id) => `<@&${id}>` };

/** Discord's limits for an embed description and for all of a message's embeds; long settings are cut there. */
const DESCRIPTION_MAX = 4096;
const EMBEDS_MAX = 6000;
const BLOCKED_SHOWN = 20;

/** `/ticket-config show`: every setting, then what the bot lacks here (the diagnostics' own words). */
export const showSubcommand: ConfigSubcommand = {
  data: showSubcommandData,
  async answer(interaction, context, t) {
    const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
    if (!config) return t('config.notSetUp');
    const facts = await guildCapabilityFacts(interaction.guild, config);
    const missing = missingCapabilities(
      { ...facts, applicationFlags: await readApplicationFlags(interaction.client) },
      DISCORD_NAMING,
      t,
    );
    const settingsTitle = t('config.show.title');
    const capabilitiesTitle = t('config.show.capabilitiesTitle');
    const capabilities = fitted(t, missing.length > 0 ? missing : [t('diagnostics.nothingMissing')], DESCRIPTION_MAX);
    // The settings get what the message's embeds may still hold.
    const room = EMBEDS_MAX - settingsTitle.length - capabilitiesTitle.length - capabilities.length;
    const settings = fitted(t, describeConfig(t, config), Math.min(DESCRIPTION_MAX, room));
    return {
      embeds: [
        new EmbedBuilder().setTitle(settingsTitle).setDescription(settings),
        new EmbedBuilder().setTitle(capabilitiesTitle).setDescription(capabilities),
      ],
      allowedMentions: { parse: [] },
    };
  },
};

function describeConfig(t: Translate, config: GuildConfig): string[] {
  const none = t('config.show.none');
  const channel = (id: string | null) => (id ? `<#${id}>` : none);
  const role = (id: string | null) => (id ? `<@&${id}>` : none);
  const blocked = config.blockedUserIds.slice(0, BLOCKED_SHOWN).map((id) => `<@${id}>`);
  const moreBlocked = config.blockedUserIds.length - blocked.length;
  const blockedWords =
    blocked.length === 0
      ? t('config.show.blockedNobody')
      : moreBlocked > 0
        ? t('config.show.blockedMore', { members: blocked.join(', '), count: moreBlocked })
        : blocked.join(', ');
  const { supportHours } = config;
  return [
    t('config.show.ticketChannel', { channel: channel(config.ticketChannelId) }),
    t('config.show.historiesChannel', { channel: channel(config.historiesChannelId) }),
    t('config.show.remindersChannel', { channel: channel(config.remindersChannelId) }),
    t('config.show.notificationRole', {
      role: role(config.notificationRoleId),
      enabled: config.notificationsEnabled ? 'yes' : 'no',
    }),
    t('config.show.staffRoles', {
      roles: config.staffRoleIds.map((id) => `<@&${id}>`).join(', ') || t('config.show.staffRolesNone'),
    }),
    t('config.show.inactivity', {
      timeout: duration(t, config.inactivityTimeoutMinutes),
      grace: duration(t, config.inactivityGraceMinutes),
    }),
    t('config.show.openLimit', { count: config.openLimitPerMember }),
    t('config.show.cooldown', { seconds: config.openCooldownSeconds }),
    t('config.show.blocked', { members: blockedWords }),
    t('config.show.language', { language: LANGUAGE_NAMES[config.language] }),
    t('config.show.reopenWindow', { days: config.reopenWindowDays }),
    t('config.show.closingDm', { enabled: config.closingDmEnabled ? 'yes' : 'no' }),
    t('config.show.supportHours', {
      schedule: formatSupportSchedule(supportHours.windows),
      timeZone: supportHours.timeZone,
      holidays: supportHours.holidays.length > 0 ? supportHours.holidays.join(', ') : t('sla.holidaysNone'),
    }),
    t('config.show.escalationRole', { role: role(config.escalationRoleId) }),
    '',
    t('config.show.types', { count: config.ticketTypes.length }),
    ...config.ticketTypes.flatMap((type) => describeType(t, type, config.escalationRoleId)),
  ];
}

function describeType(t: Translate, type: TicketType, guildEscalationRoleId: string | null): string[] {
  const escalationRoleId = type.escalationRoleId ?? guildEscalationRoleId;
  const head = t('config.show.type', { key: type.key, name: type.name, limit: type.openLimit });
  return [
    type.description ? `${head} · ${type.description}` : head,
    t('config.show.typeWay', { mode: type.mode, routing: type.routing }),
    ...(type.firstResponseMinutes === null && type.resolutionMinutes === null
      ? []
      : [
          t('config.show.typeSla', {
            firstResponse: targetInWords(t, type.firstResponseMinutes),
            resolution: targetInWords(t, type.resolutionMinutes),
            escalation: escalationRoleId ? `<@&${escalationRoleId}>` : t('sla.escalationNone'),
          }),
        ]),
    ...type.questions.map((question, index) =>
      t('config.show.question', {
        position: index + 1,
        label: question.label,
        style: question.style,
        required: question.required ? 'yes' : 'no',
        max: question.maxLength,
      }),
    ),
  ];
}

function duration(t: Translate, minutes: number): string {
  return minutes % 60 === 0
    ? t('config.show.hours', { count: minutes / 60 })
    : t('config.show.minutes', { count: minutes });
}

/** Whole lines up to `max` characters, and a note of how many did not fit. */
function fitted(t: Translate, lines: string[], max: number): string {
  let text = '';
  for (const [index, line] of lines.entries()) {
    const more = `\n${t('config.show.moreLines', { count: lines.length - index })}`;
    const next = text ? `${text}\n${line}` : line;
    const roomForNote = index === lines.length - 1 ? 0 : more.length;
    if (next.length + roomForNote > max) return `${text}${more}`;
    text = next;
  }
  return text;
}
