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

export const NOTHING_MISSING = 'Nothing is missing: the bot has every intent and permission tickets need here.';

const CHANNEL_WORDS: Record<ChannelPurpose, string> = {
  ticket: 'ticket channel',
  histories: 'histories channel',
  reminders: 'reminders channel',
  category: 'ticket category',
};

/**
 * Everything the bot lacks to run tickets, one line each, naming the intent or the permission and where, and what
 * breaks until it is granted: `Missing: Manage Threads in #tickets — closed tickets cannot be locked`. Empty when
 * nothing is missing. The one check behind the startup log and `/ticket-config show`.
 */
export function missingCapabilities(facts: CapabilityFacts, naming: Naming): string[] {
  return [
    ...missingIntents(facts.applicationFlags),
    ...facts.channels.flatMap((channel) => missingIn(channel, naming)),
    ...unmentionable(facts, naming),
    ...unpingableEscalationRoles(facts, naming),
  ];
}

function missingIntents(flags: number | null | undefined): string[] {
  if (flags === undefined) return [];
  if (flags === null) return ["Unknown: the application's intents, since Discord did not say what they are"];
  return PRIVILEGED_INTENTS.filter((intent) => !intent.grantedBy.some((flag) => (flags & flag) !== 0)).map(
    (intent) =>
      `Missing: the ${intent.name} intent (Developer Portal → Bot → Privileged Gateway Intents) — ${intent.without}`,
  );
}

function missingIn(channel: ConfiguredChannel, naming: Naming): string[] {
  const needs = CHANNEL_NEEDS[channel.purpose];
  const where = naming.channel(channel.id, channel.name);
  if (channel.name === null) {
    return [
      `Missing: the ${CHANNEL_WORDS[channel.purpose]} ${where}, deleted or hidden from the bot — ${needs[0]?.without}`,
    ];
  }
  return lacking(needs, channel.granted).map((need) => `Missing: ${need.name} in ${where} — ${need.without}`);
}

function unmentionable(facts: CapabilityFacts, naming: Naming): string[] {
  const ticketChannel = facts.channels.find((channel) => channel.purpose === 'ticket');
  const granted = ticketChannel?.granted ?? 0n;
  const where = ticketChannel ? naming.channel(ticketChannel.id, ticketChannel.name) : 'the ticket channel';
  return facts.roles.flatMap((role) => {
    const named = naming.role(role.id, role.name);
    if (role.name === null) {
      return role.purpose === 'staff'
        ? [`Missing: the staff role ${named}, deleted — take it off with /ticket-config staff-role remove`]
        : [`Missing: the notification role ${named}, deleted — nobody is pinged on new tickets`];
    }
    if (canMentionRole(role, granted)) return [];
    const without =
      role.purpose === 'staff'
        ? `members of ${named} are not added to new tickets`
        : `${named} is not pinged on new tickets`;
    return [`Missing: ${MENTION_ALL_ROLES.name} in ${where}, or ${named} made mentionable — ${without}`];
  });
}
