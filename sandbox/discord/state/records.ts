import type { APIMessage, ChannelType, ThreadAutoArchiveDuration } from 'discord-api-types/v10';

/** What the sandbox remembers. Serializers turn these into Discord's API JSON. */

export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
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

export interface ChannelRecord {
  id: string;
  guildId: string;
  type: ChannelType.GuildText | ChannelType.PublicThread | ChannelType.PrivateThread;
  name: string;
  position: number;
  parentId: string | null;
  topic: string | null;
  lastMessageId: string | null;
  /** Text channels only; threads follow their parent's overwrites, so theirs stays empty. */
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

export function isThread(channel: ChannelRecord): channel is ThreadRecord {
  return channel.thread !== null;
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
