import type { APIMessage, ChannelType, ThreadAutoArchiveDuration } from 'discord-api-types/v10';

/** What the sandbox remembers. Serializers turn these into Discord's API JSON. */

export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  /** The language of the user's Discord client, as interactions carry it (`locale`); absent means en-US. */
  locale?: string;
  /**
   * The privacy setting "Allow direct messages from server members"; false refuses every bot's DMs (50007).
   * Absent means allowed, Discord's default.
   */
  allowsDirectMessages?: boolean;
}

export interface BotRecord {
  userId: string;
  /** The application id; Discord makes it the bot user's id. */
  applicationId: string;
  token: string;
  /** The application's OAuth2 client secret (its client id is `applicationId`). */
  clientSecret: string;
  /** The privileged "Server Members" intent, toggled in the developer portal; listing members needs it. */
  guildMembersIntent: boolean;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
}

export interface RoleRecord {
  id: string;
  guildId: string;
  name: string;
  /** Permission bits as a decimal string, like the API. */
  permissions: string;
  position: number;
  color: number;
  hoist: boolean;
  mentionable: boolean;
  /** An integration's own role (a bot's, made when it joins): Discord lets nobody give or take it. */
  managed?: boolean;
}

export interface MemberRecord {
  guildId: string;
  userId: string;
  /** Role ids, without @everyone (whose id is the guild id). */
  roleIds: string[];
  nick: string | null;
  joinedAt: string;
}

export interface ThreadMetadataRecord {
  archived: boolean;
  locked: boolean;
  invitable: boolean;
  autoArchiveDuration: ThreadAutoArchiveDuration;
  archiveTimestamp: string;
  createTimestamp: string;
}

/** A channel's permission overwrite for a role (type 0) or a member (type 1); bits as decimal strings. */
export interface PermissionOverwriteRecord {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

/** A guild channel: a text channel, a category (which holds text channels and no messages), or a thread. */
export interface ChannelRecord {
  id: string;
  guildId: string;
  type: ChannelType.GuildText | ChannelType.GuildCategory | ChannelType.PublicThread | ChannelType.PrivateThread;
  name: string;
  position: number;
  /** A thread's text channel; a text channel's category, or null. */
  parentId: string | null;
  topic: string | null;
  lastMessageId: string | null;
  /** Text channels and categories; threads follow their parent's overwrites, so theirs stays empty. */
  permissionOverwrites: PermissionOverwriteRecord[];
  /** Set for threads only. */
  thread: ThreadStateRecord | null;
}

export interface ThreadStateRecord extends ThreadMetadataRecord {
  ownerId: string;
  messageCount: number;
  totalMessageSent: number;
}

export type ThreadRecord = ChannelRecord & { thread: ThreadStateRecord };

/** A direct message channel (type 1): outside any guild, between a bot and one user. */
export interface DmChannelRecord {
  id: string;
  type: ChannelType.DM;
  guildId: null;
  /** The bot first, then the user it talks to. */
  recipientIds: [string, string];
  lastMessageId: string | null;
}

/** Any channel messages are sent in. */
export type MessageChannelRecord = ChannelRecord | DmChannelRecord;

export function isDmChannel(channel: MessageChannelRecord): channel is DmChannelRecord {
  return channel.guildId === null;
}

export function isThread(channel: MessageChannelRecord): channel is ThreadRecord {
  return channel.guildId !== null && channel.thread !== null;
}

export interface ThreadMemberRecord {
  threadId: string;
  userId: string;
  joinTimestamp: string;
}

/** Messages are stored as the API object they were answered with, plus the nonce bookkeeping. */
export interface MessageRecord {
  message: APIMessage;
  authorId: string;
  createdAtMs: number;
}

/** One answered request, for tests to assert what a client really sent. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** The JSON body the client sent, when it sent one that parses. */
  body: unknown;
  auditLogReason: string | null;
  at: number;
}
