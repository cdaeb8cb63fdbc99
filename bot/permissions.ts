import { ApplicationFlags, GatewayIntentBits, type GuildMember, PermissionFlagsBits } from 'discord.js';
import type { GuildConfig } from '../domain/guild-config.ts';
import type { Actor } from '../domain/ticket.ts';
import type { MessageKey } from '../i18n/translate.ts';

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
  /** As the Developer Portal (English only) names it. */
  name: string;
  /** Either flag is enough: the full one for verified apps, the limited one for apps in fewer than 100 servers. */
  grantedBy: readonly number[];
  /** What breaks without it, in the reader's words. */
  without: MessageKey;
}

/** Guilds and GuildMessages are not privileged: Discord grants them to every bot. */
export const PRIVILEGED_INTENTS: readonly NeededIntent[] = [
  {
    name: 'Message Content',
    grantedBy: [ApplicationFlags.GatewayMessageContent, ApplicationFlags.GatewayMessageContentLimited],
    without: 'diagnostics.without.messageContent',
  },
];

/** What the bot does with a channel the guild's configuration names. */
export type ChannelPurpose = 'ticket' | 'histories' | 'reminders' | 'category';

/**
 * A permission the bot needs in a channel: its name in Discord's English client (`name`, as setting commands still
 * quote it), its name in the reader's client (`label`), and what breaks without it.
 */
export interface NeededPermission {
  flag: bigint;
  name: string;
  label: MessageKey;
  without: MessageKey;
}

/** Each permission the bot may need, as Discord's client names it. */
const PERMISSION = {
  viewChannel: {
    flag: PermissionFlagsBits.ViewChannel,
    name: 'View Channel',
    label: 'diagnostics.permission.viewChannel',
  },
  sendMessages: {
    flag: PermissionFlagsBits.SendMessages,
    name: 'Send Messages',
    label: 'diagnostics.permission.sendMessages',
  },
  embedLinks: { flag: PermissionFlagsBits.EmbedLinks, name: 'Embed Links', label: 'diagnostics.permission.embedLinks' },
  attachFiles: {
    flag: PermissionFlagsBits.AttachFiles,
    name: 'Attach Files',
    label: 'diagnostics.permission.attachFiles',
  },
  readMessageHistory: {
    flag: PermissionFlagsBits.ReadMessageHistory,
    name: 'Read Message History',
    label: 'diagnostics.permission.readMessageHistory',
  },
  createPrivateThreads: {
    flag: PermissionFlagsBits.CreatePrivateThreads,
    name: 'Create Private Threads',
    label: 'diagnostics.permission.createPrivateThreads',
  },
  sendMessagesInThreads: {
    flag: PermissionFlagsBits.SendMessagesInThreads,
    name: 'Send Messages in Threads',
    label: 'diagnostics.permission.sendMessagesInThreads',
  },
  manageThreads: {
    flag: PermissionFlagsBits.ManageThreads,
    name: 'Manage Threads',
    label: 'diagnostics.permission.manageThreads',
  },
  manageChannels: {
    flag: PermissionFlagsBits.ManageChannels,
    name: 'Manage Channels',
    label: 'diagnostics.permission.manageChannels',
  },
  managePermissions: {
    flag: PermissionFlagsBits.ManageRoles,
    name: 'Manage Permissions',
    label: 'diagnostics.permission.managePermissions',
  },
} as const satisfies Record<string, Omit<NeededPermission, 'without'>>;

const posting = (notPosted: MessageKey, withoutDetails: MessageKey): NeededPermission[] => [
  { ...PERMISSION.viewChannel, without: notPosted },
  { ...PERMISSION.sendMessages, without: notPosted },
  { ...PERMISSION.embedLinks, without: withoutDetails },
];

/**
 * What the bot needs in each ticket category (channel mode). Discord lets it allow or deny in a channel's
 * overwrites only what it holds itself, so it needs what the ticket's people get, and what a locked ticket denies.
 */
export const CATEGORY_NEEDS: readonly NeededPermission[] = [
  { ...PERMISSION.viewChannel, without: 'diagnostics.without.noTicketChannel' },
  { ...PERMISSION.manageChannels, without: 'diagnostics.without.noTicketChannel' },
  { ...PERMISSION.managePermissions, without: 'diagnostics.without.channelsNotPrivate' },
  { ...PERMISSION.sendMessages, without: 'diagnostics.without.noTicketChannel' },
  { ...PERMISSION.sendMessagesInThreads, without: 'diagnostics.without.closedNotLocked' },
  { ...PERMISSION.embedLinks, without: 'diagnostics.without.noTicketChannel' },
  { ...PERMISSION.attachFiles, without: 'diagnostics.without.noTicketChannel' },
  { ...PERMISSION.readMessageHistory, without: 'diagnostics.without.noTicketChannel' },
];

/**
 * What the bot needs in each configured channel. Its threads inherit the ticket channel's permissions. Mentioning
 * a role is checked per role (mentionRoleNeed): Mention All Roles is needed only for roles that are not mentionable.
 */
export const CHANNEL_NEEDS: Record<ChannelPurpose, readonly NeededPermission[]> = {
  ticket: [
    { ...PERMISSION.viewChannel, without: 'diagnostics.without.noTicket' },
    { ...PERMISSION.sendMessages, without: 'diagnostics.without.panelNotPosted' },
    { ...PERMISSION.createPrivateThreads, without: 'diagnostics.without.noTicket' },
    { ...PERMISSION.sendMessagesInThreads, without: 'diagnostics.without.noWelcome' },
    { ...PERMISSION.manageThreads, without: 'diagnostics.without.closedNotLocked' },
    { ...PERMISSION.embedLinks, without: 'diagnostics.without.welcomeWithoutDetails' },
    { ...PERMISSION.readMessageHistory, without: 'diagnostics.without.missedReplies' },
  ],
  histories: posting('diagnostics.without.summariesNotPosted', 'diagnostics.without.summariesWithoutDetails'),
  reminders: posting('diagnostics.without.remindersNotPosted', 'diagnostics.without.remindersWithoutDetails'),
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
export const MENTION_ALL_ROLES = {
  flag: PermissionFlagsBits.MentionEveryone,
  label: 'diagnostics.permission.mentionAllRoles',
} as const;

export function canMentionRole(role: { mentionable: boolean }, ticketChannelPermissions: bigint): boolean {
  return role.mentionable || (ticketChannelPermissions & MENTION_ALL_ROLES.flag) !== 0n;
}
