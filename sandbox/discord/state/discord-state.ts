import { randomBytes } from 'node:crypto';
import {
  type APIAllowedMentions,
  type APIEmbed,
  type APIMessage,
  type APIMessageTopLevelComponent,
  ChannelType,
  MessageType,
  PermissionFlagsBits,
  type ThreadAutoArchiveDuration,
} from 'discord-api-types/v10';
import { serializeUser } from '../serializers.ts';
import { compareSnowflakes, SnowflakeGenerator } from '../snowflake.ts';
import { FaultQueue } from './faults.ts';
import { resolveMentions } from './mentions.ts';
import {
  type BotRecord,
  type ChannelRecord,
  type GuildRecord,
  isThread,
  type MemberRecord,
  type MessageRecord,
  type RequestLogEntry,
  type RoleRecord,
  type ThreadMemberRecord,
  type ThreadRecord,
  type UserRecord,
} from './records.ts';

/** What @everyone may do in a new guild, as a decimal permission string like the API's. */
const EVERYONE_DEFAULT_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.CreatePrivateThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
]
  .reduce((bits, flag) => bits | flag, 0n)
  .toString();

/** Discord only says "the past few minutes" for enforce_nonce; the sandbox keeps nonces this long. */
const DEFAULT_NONCE_WINDOW_MS = 5 * 60_000;

export interface MessageDraft {
  type?: MessageType;
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  /** null means "not sent": Discord then pings everything the content mentions. */
  allowedMentions?: APIAllowedMentions | null;
  nonce?: string | number | null;
  flags?: number;
  tts?: boolean;
  /** For system messages (such as "added to thread"), which name users outside the content. */
  mentionUserIds?: string[];
}

export interface DiscordStateOptions {
  now?: () => number;
  nonceWindowMs?: number;
}

/**
 * Everything the local Discord knows, in plain maps. Mutations live here (not in route handlers) so
 * that REST requests and test drivers change the world the same way, with Discord's side effects.
 */
export class DiscordState {
  readonly now: () => number;
  readonly nonceWindowMs: number;
  readonly snowflakes: SnowflakeGenerator;
  readonly faults = new FaultQueue();
  readonly requestLog: RequestLogEntry[] = [];

  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly #bots = new Map<string, BotRecord>();
  readonly #members = new Map<string, Map<string, MemberRecord>>();
  readonly #threadMembers = new Map<string, Map<string, ThreadMemberRecord>>();
  readonly #messages = new Map<string, MessageRecord[]>();
  readonly #nonces = new Map<string, MessageRecord>();

  constructor(options: DiscordStateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.nonceWindowMs = options.nonceWindowMs ?? DEFAULT_NONCE_WINDOW_MS;
    this.snowflakes = new SnowflakeGenerator(this.now);
  }

  #isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  // --- users and bots ---

  createUser(input: { username: string; globalName?: string | null; bot?: boolean }): UserRecord {
    const user: UserRecord = {
      id: this.snowflakes.next(),
      username: input.username,
      globalName: input.globalName ?? null,
      bot: input.bot ?? false,
    };
    this.users.set(user.id, user);
    return user;
  }

  /** A bot user with its token, shaped like Discord's (`base64(id).timestamp.hmac`). */
  createBot(input: { username: string; token?: string }): BotRecord {
    const user = this.createUser({ username: input.username, bot: true });
    const token =
      input.token ??
      [
        Buffer.from(user.id).toString('base64url'),
        randomBytes(4).toString('base64url'),
        randomBytes(27).toString('base64url'),
      ].join('.');
    const bot: BotRecord = { userId: user.id, applicationId: user.id, token, guildMembersIntent: true };
    this.#bots.set(token, bot);
    return bot;
  }

  botByToken(token: string): BotRecord | undefined {
    return this.#bots.get(token);
  }

  botByUserId(userId: string): BotRecord | undefined {
    return [...this.#bots.values()].find((bot) => bot.userId === userId);
  }

  // --- guilds, roles, members ---

  /** A guild with its @everyone role (whose id is the guild's) and its owner as first member. */
  createGuild(input: { name: string; ownerId: string }): GuildRecord {
    const guild: GuildRecord = { id: this.snowflakes.next(), name: input.name, ownerId: input.ownerId };
    this.guilds.set(guild.id, guild);
    this.#members.set(guild.id, new Map());
    this.roles.set(guild.id, {
      id: guild.id,
      guildId: guild.id,
      name: '@everyone',
      permissions: EVERYONE_DEFAULT_PERMISSIONS,
      position: 0,
      color: 0,
      hoist: false,
      mentionable: false,
    });
    this.addMember(guild.id, input.ownerId);
    return guild;
  }

  createRole(
    guildId: string,
    input: { name: string; permissions?: string; mentionable?: boolean; color?: number; hoist?: boolean },
  ): RoleRecord {
    const role: RoleRecord = {
      id: this.snowflakes.next(),
      guildId,
      name: input.name,
      permissions: input.permissions ?? '0',
      position: this.rolesOf(guildId).length,
      color: input.color ?? 0,
      hoist: input.hoist ?? false,
      mentionable: input.mentionable ?? false,
    };
    this.roles.set(role.id, role);
    return role;
  }

  rolesOf(guildId: string): RoleRecord[] {
    return [...this.roles.values()].filter((role) => role.guildId === guildId);
  }

  addMember(guildId: string, userId: string, input: { roleIds?: string[]; nick?: string | null } = {}): MemberRecord {
    const member: MemberRecord = {
      guildId,
      userId,
      roleIds: [...(input.roleIds ?? [])],
      nick: input.nick ?? null,
      joinedAt: this.#isoNow(),
    };
    this.#guildMembers(guildId).set(userId, member);
    return member;
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.#members.get(guildId)?.get(userId);
  }

  /** Members in id order, the order Discord pages them in. */
  membersOf(guildId: string): MemberRecord[] {
    return [...this.#guildMembers(guildId).values()].sort((a, b) => compareSnowflakes(a.userId, b.userId));
  }

  #guildMembers(guildId: string): Map<string, MemberRecord> {
    const members = this.#members.get(guildId);
    if (!members) throw new Error(`no guild ${guildId}`);
    return members;
  }

  // --- channels and threads ---

  createTextChannel(guildId: string, input: { name: string; topic?: string | null }): ChannelRecord {
    const channel: ChannelRecord = {
      id: this.snowflakes.next(),
      guildId,
      type: ChannelType.GuildText,
      name: input.name,
      position: [...this.channels.values()].filter((c) => c.guildId === guildId && !isThread(c)).length,
      parentId: null,
      topic: input.topic ?? null,
      lastMessageId: null,
      thread: null,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** A thread in a text channel; its creator becomes its first member, as on Discord. */
  createThread(input: {
    parent: ChannelRecord;
    name: string;
    type: ChannelType.PublicThread | ChannelType.PrivateThread;
    invitable: boolean;
    autoArchiveDuration: ThreadAutoArchiveDuration;
    ownerId: string;
  }): ThreadRecord {
    const now = this.#isoNow();
    const thread: ThreadRecord = {
      id: this.snowflakes.next(),
      guildId: input.parent.guildId,
      type: input.type,
      name: input.name,
      position: 0,
      parentId: input.parent.id,
      topic: null,
      lastMessageId: null,
      thread: {
        ownerId: input.ownerId,
        archived: false,
        locked: false,
        invitable: input.type === ChannelType.PrivateThread ? input.invitable : true,
        autoArchiveDuration: input.autoArchiveDuration,
        archiveTimestamp: now,
        createTimestamp: now,
        messageCount: 0,
        totalMessageSent: 0,
      },
    };
    this.channels.set(thread.id, thread);
    this.#threadMembers.set(thread.id, new Map());
    this.#joinThread(thread.id, input.ownerId);
    return thread;
  }

  /** Active (unarchived) threads of a guild. */
  activeThreads(guildId: string): ThreadRecord[] {
    return [...this.channels.values()].filter(
      (channel): channel is ThreadRecord =>
        channel.guildId === guildId && isThread(channel) && !channel.thread.archived,
    );
  }

  updateThread(
    thread: ThreadRecord,
    patch: {
      name?: string;
      archived?: boolean;
      locked?: boolean;
      invitable?: boolean;
      autoArchiveDuration?: ThreadAutoArchiveDuration;
    },
  ): void {
    const metadata = thread.thread;
    if (patch.name !== undefined) thread.name = patch.name;
    if (patch.locked !== undefined) metadata.locked = patch.locked;
    if (patch.invitable !== undefined && thread.type === ChannelType.PrivateThread)
      metadata.invitable = patch.invitable;
    if (patch.autoArchiveDuration !== undefined) metadata.autoArchiveDuration = patch.autoArchiveDuration;
    if (patch.archived !== undefined && patch.archived !== metadata.archived) {
      metadata.archived = patch.archived;
      metadata.archiveTimestamp = this.#isoNow();
    }
  }

  threadMembers(threadId: string): ThreadMemberRecord[] {
    return [...(this.#threadMembers.get(threadId)?.values() ?? [])];
  }

  /**
   * Adds a member; returns false when they already were one. Someone adding another user
   * leaves Discord's "added to the thread" system message (type 1) in the thread.
   */
  addThreadMember(thread: ThreadRecord, userId: string, actorId: string): boolean {
    if (this.#threadMembers.get(thread.id)?.has(userId)) return false;
    this.#joinThread(thread.id, userId);
    if (userId !== actorId) {
      this.createMessage(thread, actorId, { type: MessageType.RecipientAdd, mentionUserIds: [userId] });
    }
    return true;
  }

  #joinThread(threadId: string, userId: string): void {
    this.#threadMembers.get(threadId)?.set(userId, { threadId, userId, joinTimestamp: this.#isoNow() });
  }

  // --- messages ---

  /** A message as Discord stores it; a message in an archived, unlocked thread unarchives it. */
  createMessage(channel: ChannelRecord, authorId: string, draft: MessageDraft): MessageRecord {
    const author = this.users.get(authorId);
    if (!author) throw new Error(`no user ${authorId}`);
    const content = draft.content ?? '';
    const mentions = resolveMentions(content, draft.allowedMentions ?? null, {
      user: (id) => this.users.has(id),
      role: (id) => this.roles.get(id)?.guildId === channel.guildId,
    });
    const mentionedUserIds = [...new Set([...mentions.userIds, ...(draft.mentionUserIds ?? [])])];
    const message: APIMessage = {
      id: this.snowflakes.next(),
      channel_id: channel.id,
      author: serializeUser(author),
      content,
      timestamp: this.#isoNow(),
      edited_timestamp: null,
      tts: draft.tts ?? false,
      mention_everyone: mentions.everyone,
      mentions: mentionedUserIds.flatMap((id) => {
        const user = this.users.get(id);
        return user ? [serializeUser(user)] : [];
      }),
      mention_roles: mentions.roleIds,
      attachments: [],
      embeds: draft.embeds ?? [],
      components: draft.components ?? [],
      pinned: false,
      type: draft.type ?? MessageType.Default,
      flags: draft.flags ?? 0,
      ...(draft.nonce !== undefined && draft.nonce !== null ? { nonce: draft.nonce } : {}),
    };
    const record: MessageRecord = { message, authorId, createdAtMs: this.now() };
    const stored = this.#messages.get(channel.id) ?? [];
    stored.push(record);
    this.#messages.set(channel.id, stored);
    channel.lastMessageId = message.id;
    if (isThread(channel)) {
      channel.thread.messageCount += 1;
      channel.thread.totalMessageSent += 1;
      if (channel.thread.archived && !channel.thread.locked) this.updateThread(channel, { archived: false });
    }
    if (message.nonce !== undefined) this.#nonces.set(nonceKey(channel.id, authorId, message.nonce), record);
    return record;
  }

  /** The message this author already sent here with this nonce within the dedupe window. */
  messageByNonce(channelId: string, authorId: string, nonce: string | number): MessageRecord | undefined {
    const record = this.#nonces.get(nonceKey(channelId, authorId, nonce));
    return record && this.now() - record.createdAtMs <= this.nonceWindowMs ? record : undefined;
  }

  messagesIn(channelId: string): APIMessage[] {
    return (this.#messages.get(channelId) ?? []).map((record) => record.message);
  }
}

function nonceKey(channelId: string, authorId: string, nonce: string | number): string {
  return `${channelId}:${authorId}:${nonce}`;
}
