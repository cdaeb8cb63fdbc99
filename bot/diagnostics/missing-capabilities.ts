import { DEFAULT_LOCALE } from '../../i18n/locales.ts';
import { type Translate, translator } from '../../i18n/translate.ts';
import {
  CHANNEL_NEEDS,
  type ChannelPurpose,
  canMentionRole,
  lacking,
  MENTION_ALL_ROLES,
  PRIVILEGED_INTENTS,
} from '../permissions.ts';
import { unpingableEscalationRoles } from './escalation-roles.ts';

/** A channel the guild's configuration names, as the bot sees it. */
export interface ConfiguredChannel {
  purpose: ChannelPurpose;
  id: string;
  /** null when the channel is deleted or hidden from the bot. */
  name: string | null;
  /** The bot's permissions there. */
  granted: bigint;
}

/** A role the bot mentions: staff roles (whose members join tickets by the mention) and the notification role. */
export interface MentionedRole {
  purpose: 'staff' | 'notification';
  id: string;
  /** null when the role is deleted. */
  name: string | null;
  mentionable: boolean;
}

/** What the check needs to know: the application's flags, and a configured guild's channels and roles. */
export interface CapabilityFacts {
  /**
   * From GET /applications/@me; null when Discord could not be asked; absent when the intents are not part of this
   * check (they are the application's, so the startup log names them once rather than per guild).
   */
  applicationFlags?: number | null;
  channels: ConfiguredChannel[];
  roles: MentionedRole[];
  /** The roles pinged when a ticket misses an SLA target (escalation-roles.ts). */
  escalationRoles?: Omit<MentionedRole, 'purpose'>[];
}

/** How lines name channels and roles: mentions in Discord, names with ids in the log. */
export interface Naming {
  channel(id: string, name: string | null): string;
  role(id: string, name: string | null): string;
}

/**
 * Everything the bot lacks to run tickets, one line each, naming the intent or the permission and where, and what
 * breaks until it is granted: `Missing: Manage Threads in #tickets — closed tickets cannot be locked`. Empty when
 * nothing is missing. The one check behind the startup log and `/ticket-config show`, worded in `t`: the reader's
 * language in Discord (permissions named as their Discord client names them), English in the operators' log.
 */
export function missingCapabilities(
  facts: CapabilityFacts,
  naming: Naming,
  t: Translate = translator(DEFAULT_LOCALE),
): string[] {
  return [
    ...missingIntents(t, facts.applicationFlags),
    ...facts.channels.flatMap((channel) => missingIn(t, channel, naming)),
    ...unmentionable(t, facts, naming),
    ...unpingableEscalationRoles(facts, naming, t),
  ];
}

function missingIntents(t: Translate, flags: number | null | undefined): string[] {
  if (flags === undefined) return [];
  if (flags === null) return [t('diagnostics.intentsUnknown')];
  return PRIVILEGED_INTENTS.filter((intent) => !intent.grantedBy.some((flag) => (flags & flag) !== 0)).map((intent) =>
    t('diagnostics.intentMissing', { intent: intent.name, without: t(intent.without) }),
  );
}

function missingIn(t: Translate, channel: ConfiguredChannel, naming: Naming): string[] {
  const needs = CHANNEL_NEEDS[channel.purpose];
  const where = naming.channel(channel.id, channel.name);
  if (channel.name === null) {
    const without = needs[0] ? t(needs[0].without) : '';
    return [t('diagnostics.channelGone', { purpose: channel.purpose, channel: where, without })];
  }
  return lacking(needs, channel.granted).map((need) =>
    t('diagnostics.permissionMissing', { permission: t(need.label), channel: where, without: t(need.without) }),
  );
}

function unmentionable(t: Translate, facts: CapabilityFacts, naming: Naming): string[] {
  const ticketChannel = facts.channels.find((channel) => channel.purpose === 'ticket');
  const granted = ticketChannel?.granted ?? 0n;
  const where = ticketChannel
    ? naming.channel(ticketChannel.id, ticketChannel.name)
    : t('diagnostics.theTicketChannel');
  return facts.roles.flatMap((role) => {
    const named = naming.role(role.id, role.name);
    if (role.name === null) {
      return [
        t(role.purpose === 'staff' ? 'diagnostics.staffRoleGone' : 'diagnostics.notificationRoleGone', { role: named }),
      ];
    }
    if (canMentionRole(role, granted)) return [];
    const without = t(role.purpose === 'staff' ? 'diagnostics.staffNotAdded' : 'diagnostics.notificationNotPinged', {
      role: named,
    });
    return [
      t('diagnostics.roleUnmentionable', {
        permission: t(MENTION_ALL_ROLES.label),
        channel: where,
        role: named,
        without,
      }),
    ];
  });
}
