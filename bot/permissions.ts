import { ApplicationFlags, GatewayIntentBits, type GuildMember, PermissionFlagsBits } from 'discord.js';
import type { GuildConfig } from '../domain/guild-config.ts';
import type { Actor } from '../domain/ticket.ts';

/**
 * The one place the bot decides who is staff: a configured staff role, or Manage Guild (which server
 * admins hold). What staff may then do is decided by domain/ticket-permissions.ts, and enforced again by
 * the ticket workflow.
 */
export function isStaff(member: GuildMember, config: Pick<GuildConfig, 'staffRoleIds'> | null): boolean {
  if (member.permissions.has(PermissionFlagsBits.ManageGuild)) return true;
  return (config?.staffRoleIds ?? []).some((roleId) => member.roles.cache.has(roleId));
}

export function actorOf(member: GuildMember, config: Pick<GuildConfig, 'staffRoleIds'> | null): Actor {
  return { id: member.id, name: member.displayName.slice(0, 100), isStaff: isStaff(member, config) };
}

/**
 * The gateway intents the bot connects with: Guilds brings channels, threads and roles; GuildMessages and
 * MessageContent the replies in ticket threads, with their text. The Server Members intent is not needed: staff join
 * a ticket's thread by a mention of their role, and the bot lists no members.
 */
export const GATEWAY_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
] as const;

/** A privileged intent the bot needs, with the application flags that say Discord granted it. */
export interface NeededIntent {
  name: string;
  /** Either flag is enough: the full one for verified apps, the limited one for apps in fewer than 100 servers. */
  grantedBy: readonly number[];
  /** What breaks without it. */
  without: string;
}

/** Guilds and GuildMessages are not privileged: Discord grants them to every bot. */
export const PRIVILEGED_INTENTS: readonly NeededIntent[] = [
  {
    name: 'Message Content',
    grantedBy: [ApplicationFlags.GatewayMessageContent, ApplicationFlags.GatewayMessageContentLimited],
    without:
      'Discord refuses the bot’s connection while it asks for the intent, and without it ticket replies would be stored without their text',
  },
];

/** What the bot does with a channel the guild's configuration names. */
export type ChannelPurpose = 'ticket' | 'histories' | 'reminders' | 'category';

/** A permission the bot needs in a channel, named as Discord's client names it, and what breaks without it. */
export interface NeededPermission {
  flag: bigint;
  name: string;
  without: string;
}

const posting = (what: string): NeededPermission[] => [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel', without: `${what} are not posted` },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages', without: `${what} are not posted` },
  { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links', without: `${what} are posted without their details` },
];

/**
 * What the bot needs in each ticket category (channel mode). Discord lets it allow or deny in a channel's
 * overwrites only what it holds itself, so it needs what the ticket's people get, and what a locked ticket denies.
 */
export const CATEGORY_NEEDS: readonly NeededPermission[] = [
  { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel', without: 'no ticket channel can be opened' },
  { flag: PermissionFlagsBits.ManageChannels, name: 'Manage Channels', without: 'no ticket channel can be opened' },
  {
    flag: PermissionFlagsBits.ManageRoles,
    name: 'Manage Permissions',
    without: 'ticket channels cannot be made private, nor members added, nor closed tickets locked',
  },
  { flag: PermissionFlagsBits.SendMessages, name: 'Send Messages', without: 'no ticket channel can be opened' },
  {
    flag: PermissionFlagsBits.SendMessagesInThreads,
    name: 'Send Messages in Threads',
    without: 'closed tickets cannot be locked',
  },
  { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links', without: 'no ticket channel can be opened' },
  { flag: PermissionFlagsBits.AttachFiles, name: 'Attach Files', without: 'no ticket channel can be opened' },
  {
    flag: PermissionFlagsBits.ReadMessageHistory,
    name: 'Read Message History',
    without: 'no ticket channel can be opened',
  },
];

/**
 * What the bot needs in each configured channel. Its threads inherit the ticket channel's permissions. Mentioning
 * a role is checked per role (mentionRoleNeed): Mention All Roles is needed only for roles that are not mentionable.
 */
export const CHANNEL_NEEDS: Record<ChannelPurpose, readonly NeededPermission[]> = {
  ticket: [
    { flag: PermissionFlagsBits.ViewChannel, name: 'View Channel', without: 'no ticket can be opened' },
    {
      flag: PermissionFlagsBits.SendMessages,
      name: 'Send Messages',
      without: 'the ticket panel cannot be posted here',
    },
    {
      flag: PermissionFlagsBits.CreatePrivateThreads,
      name: 'Create Private Threads',
      without: 'no ticket can be opened',
    },
    {
      flag: PermissionFlagsBits.SendMessagesInThreads,
      name: 'Send Messages in Threads',
      without: 'tickets get no welcome, no staff and no notices',
    },
    { flag: PermissionFlagsBits.ManageThreads, name: 'Manage Threads', without: 'closed tickets cannot be locked' },
    {
      flag: PermissionFlagsBits.EmbedLinks,
      name: 'Embed Links',
      without: "tickets' welcome and notices are posted without their details",
    },
    {
      flag: PermissionFlagsBits.ReadMessageHistory,
      name: 'Read Message History',
      without:
        'replies sent while the bot was away are not stored, and transcripts lack the thread as Discord shows it',
    },
  ],
  histories: posting('closed-ticket summaries'),
  reminders: posting('reminders about open tickets'),
  category: CATEGORY_NEEDS,
};

/** The needs among `needs` that `granted` (the bot's permissions in a channel) lacks. */
export function lacking(needs: readonly NeededPermission[], granted: bigint): NeededPermission[] {
  return needs.filter((need) => (granted & need.flag) !== need.flag);
}

/**
 * Staff join a ticket's thread when their role is mentioned there, and the notification role is pinged on each new
 * ticket: the bot mentions a role that is mentionable, or any role with Mention All Roles in the ticket channel.
 */
export const MENTION_ALL_ROLES = { flag: PermissionFlagsBits.MentionEveryone, name: 'Mention All Roles' } as const;

export function canMentionRole(role: { mentionable: boolean }, ticketChannelPermissions: bigint): boolean {
  return role.mentionable || (ticketChannelPermissions & MENTION_ALL_ROLES.flag) !== 0n;
}
