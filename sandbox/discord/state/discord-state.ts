import { randomBytes } from 'node:crypto';
import {
  type APIAllowedMentions,
  type APIEmbed,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIPartialEmoji,
  type APIStickerItem,
  ChannelType,
  MessageReferenceType,
  MessageType,
  PermissionFlagsBits,
  type ThreadAutoArchiveDuration,
} from 'discord-api-types/v10';
import { compareDiscordIds } from '../../../domain/discord-id.ts';
import { serializeUser } from '../serializers.ts';
import { type AttachmentDraft, newAttachment } from './attachment-urls.ts';
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
import { ResumableSnowflakeGenerator } from './resumable-snowflakes.ts';
import { DISCORD_STATE_SNAPSHOT_VERSION, type DiscordStateSnapshot, parseDiscordStateSnapshot } from './snapshot.ts';

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
  /** Files the author uploaded with the message; Discord gives each an id and CDN URLs. */
  attachments?: AttachmentDraft[];
  /** Makes the message a reply (type 19) to this message of the same channel. */
  replyToId?: string;
  stickerItems?: APIStickerItem[];
}

/** Which messages of a channel to list, as GET /channels/{id}/messages takes them (one of before/after/around). */
export interface MessagePageQuery {
  limit: number;
  before?: string;
  after?: string;
  around?: string;
}

export interface DiscordStateOptions {
  now?: () => number;
  nonceWindowMs?: number;
  /** The world to start from, as `snapshot()` gave it (checked first: a bad snapshot throws InvalidSnapshotError). */
  restoreFrom?: DiscordStateSnapshot;
}

/**
 * Everything the local Discord knows, in plain maps. Mutations live here (not in route handlers) so
 * that REST requests and test drivers change the world the same way, with Discord's side effects.
 */
export class DiscordState {
  readonly now: () => number;
  readonly nonceWindowMs: number;
  readonly snowflakes: ResumableSnowflakeGenerator;
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
  readonly #changeListeners = new Set<() => void>();

  constructor(options: DiscordStateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.nonceWindowMs = options.nonceWindowMs ?? DEFAULT_NONCE_WINDOW_MS;
    const restored = options.restoreFrom ? parseDiscordStateSnapshot(structuredClone(options.restoreFrom)) : null;
    this.snowflakes = new ResumableSnowflakeGenerator(this.now, restored ? highestId(restored) : null);
    if (restored) this.#restore(restored);
  }

  // --- persistence ---

  /**
   * Calls the listener after every change this class makes (not after edits made straight to its records,
   * which only tests do). Returns the function that stops listening.
   */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#changeListeners) listener();
  }

  /** The whole world as plain JSON data, sharing nothing with the live state. */
  snapshot(): DiscordStateSnapshot {
    return structuredClone({
      version: DISCORD_STATE_SNAPSHOT_VERSION,
      savedAt: this.#isoNow(),
      lastSnowflake: this.snowflakes.lastIssued,
      users: [...this.users.values()],
      bots: [...this.#bots.values()],
      guilds: [...this.guilds.values()],
      roles: [...this.roles.values()],
      members: [...this.#members.values()].flatMap((members) => [...members.values()]),
      channels: [...this.channels.values()],
      threadMembers: [...this.#threadMembers.values()].flatMap((members) => [...members.values()]),
      messages: [...this.#messages.values()].flat(),
    });
  }

  /** Fills the empty maps in the snapshot's order, so lists come out in the order they did before. */
  #restore(snapshot: DiscordStateSnapshot): void {
    for (const user of snapshot.users) this.users.set(user.id, user);
    for (const bot of snapshot.bots) this.#bots.set(bot.token, bot);
    for (const guild of snapshot.guilds) {
      this.guilds.set(guild.id, guild);
      this.#members.set(guild.id, new Map());
    }
    for (const role of snapshot.roles) this.roles.set(role.id, role);
    for (const member of snapshot.members) this.#guildMembers(member.guildId).set(member.userId, member);
    for (const channel of snapshot.channels) {
      this.channels.set(channel.id, channel);
      if (isThread(channel)) this.#threadMembers.set(channel.id, new Map());
    }
    for (const member of snapshot.threadMembers) this.#threadMembers.get(member.threadId)?.set(member.userId, member);
    for (const record of snapshot.messages) {
      const channelId = record.message.channel_id;
      const stored = this.#messages.get(channelId) ?? [];
      stored.push(record);
      this.#messages.set(channelId, stored);
      // createMessage registers each nonce as it goes, later ones replacing earlier: replaying the order rebuilds it.
      if (record.message.nonce !== undefined)
        this.#nonces.set(nonceKey(channelId, record.authorId, record.message.nonce), record);
    }
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
    this.#changed();
    return user;
  }

  /** A bot user with its token, shaped like Discord's (`base64(id).timestamp.hmac`). */
  createBot(input: { username: string; token?: string }): BotRecord {
    // A restored world already has its bot: the same token means the same bot, not a second one.
    const existing = input.token === undefined ? undefined : this.#bots.get(input.token);
    if (existing) return existing;
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
    this.#changed();
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
    this.#changed();
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
    this.#changed();
    return member;
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.#members.get(guildId)?.get(userId);
  }

  /** Members in id order, the order Discord pages them in. */
  membersOf(guildId: string): MemberRecord[] {
    return [...this.#guildMembers(guildId).values()].sort((a, b) => compareDiscordIds(a.userId, b.userId));
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
    this.#changed();
    return channel;
  }

  updateTextChannel(channel: ChannelRecord, patch: { name?: string | null; topic?: string | null }): void {
    if (patch.name) channel.name = patch.name;
    if (patch.topic !== undefined) channel.topic = patch.topic;
    this.#changed();
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
    this.#changed();
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
    this.#changed();
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
    if (draft.replyToId !== undefined && !this.#messageRecord(channel.id, draft.replyToId))
      throw new Error(`no message ${draft.replyToId} in channel ${channel.id} to reply to`);
    const id = this.snowflakes.next();
    const message: APIMessage = {
      id,
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
      attachments: (draft.attachments ?? []).map((file) =>
        newAttachment(this.snowflakes.next(), channel.id, file, this.now()),
      ),
      embeds: draft.embeds ?? [],
      components: draft.components ?? [],
      pinned: false,
      type: draft.type ?? (draft.replyToId === undefined ? MessageType.Default : MessageType.Reply),
      flags: draft.flags ?? 0,
      ...(draft.nonce !== undefined && draft.nonce !== null ? { nonce: draft.nonce } : {}),
      ...(draft.replyToId === undefined
        ? {}
        : {
            message_reference: {
              type: MessageReferenceType.Default,
              message_id: draft.replyToId,
              channel_id: channel.id,
              guild_id: channel.guildId,
            },
          }),
      ...(draft.stickerItems?.length ? { sticker_items: draft.stickerItems } : {}),
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
    this.#changed();
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

  message(channelId: string, messageId: string): APIMessage | undefined {
    return this.#messageRecord(channelId, messageId)?.message;
  }

  #messageRecord(channelId: string, messageId: string): MessageRecord | undefined {
    return this.#messages.get(channelId)?.find((record) => record.message.id === messageId);
  }

  /**
   * One page of a channel's history, newest first as Discord answers every form of the query: `before` the
   * newest older messages, `after` the oldest newer ones, `around` about half older and half at or after it.
   */
  messagesPage(channelId: string, query: MessagePageQuery): APIMessage[] {
    const oldestFirst = this.messagesIn(channelId).sort((a, b) => compareDiscordIds(a.id, b.id));
    const older = (id: string) => oldestFirst.filter((message) => compareDiscordIds(message.id, id) < 0);
    const notOlder = (id: string) => oldestFirst.filter((message) => compareDiscordIds(message.id, id) >= 0);
    let page: APIMessage[];
    if (query.around !== undefined) {
      const before = Math.floor(query.limit / 2);
      const earlier = before === 0 ? [] : older(query.around).slice(-before);
      page = [...earlier, ...notOlder(query.around).slice(0, query.limit - earlier.length)];
    } else if (query.before !== undefined) {
      page = older(query.before).slice(-query.limit);
    } else if (query.after !== undefined) {
      const after = query.after;
      page = oldestFirst.filter((message) => compareDiscordIds(message.id, after) > 0).slice(0, query.limit);
    } else {
      page = oldestFirst.slice(-query.limit);
    }
    return page.reverse();
  }

  /** An edit by its author: new content, and Discord's edited_timestamp. */
  editMessage(channelId: string, messageId: string, patch: { content: string }): APIMessage {
    const record = this.#messageRecord(channelId, messageId);
    if (!record) throw new Error(`no message ${messageId} in channel ${channelId}`);
    record.message.content = patch.content;
    record.message.edited_timestamp = this.#isoNow();
    this.#changed();
    return record.message;
  }

  /** Someone reacting; one more of the same emoji adds to its count. The sandbox does not track who reacted. */
  addReaction(channelId: string, messageId: string, emoji: APIPartialEmoji): APIMessage {
    const record = this.#messageRecord(channelId, messageId);
    if (!record) throw new Error(`no message ${messageId} in channel ${channelId}`);
    const reactions = record.message.reactions ?? [];
    const same = reactions.find((reaction) =>
      emoji.id ? reaction.emoji.id === emoji.id : reaction.emoji.id === null && reaction.emoji.name === emoji.name,
    );
    if (same) {
      same.count += 1;
      same.count_details.normal += 1;
    } else {
      reactions.push({
        count: 1,
        count_details: { burst: 0, normal: 1 },
        me: false,
        me_burst: false,
        emoji: { id: emoji.id ?? null, name: emoji.name ?? null, ...(emoji.animated ? { animated: true } : {}) },
        burst_colors: [],
      });
    }
    record.message.reactions = reactions;
    this.#changed();
    return record.message;
  }

  /** Deleted by its author or a moderator: gone from the channel's history. */
  deleteMessage(channelId: string, messageId: string): void {
    const stored = this.#messages.get(channelId);
    const index = stored?.findIndex((record) => record.message.id === messageId) ?? -1;
    if (!stored || index < 0) throw new Error(`no message ${messageId} in channel ${channelId}`);
    const [record] = stored.splice(index, 1);
    // A deleted message is no answer to a repeated nonce.
    for (const [key, held] of this.#nonces) if (held === record) this.#nonces.delete(key);
    // A thread's message_count drops with deletions; total_message_sent does not.
    const channel = this.channels.get(channelId);
    if (channel && isThread(channel)) channel.thread.messageCount = Math.max(0, channel.thread.messageCount - 1);
    this.#changed();
  }

  // --- removals ---

  /** A channel deleted by hand, with its messages; deleting a text channel deletes its threads too. */
  deleteChannel(channelId: string): void {
    if (!this.channels.has(channelId)) throw new Error(`no channel ${channelId}`);
    const threads = [...this.channels.values()].filter((channel) => channel.parentId === channelId);
    for (const id of [channelId, ...threads.map((thread) => thread.id)]) {
      this.channels.delete(id);
      this.#messages.delete(id);
      this.#threadMembers.delete(id);
    }
    this.#changed();
  }

  /** A member leaving (or kicked): out of the guild and out of its threads. */
  removeMember(guildId: string, userId: string): void {
    if (this.guilds.get(guildId)?.ownerId === userId) throw new Error('the owner cannot leave their guild');
    if (!this.#guildMembers(guildId).delete(userId)) throw new Error(`user ${userId} is not in guild ${guildId}`);
    for (const channel of this.channels.values()) {
      if (channel.guildId === guildId) this.#threadMembers.get(channel.id)?.delete(userId);
    }
    this.#changed();
  }
}

/** The highest id in a snapshot: new ids must come after every one of them, whatever lastSnowflake says. */
function highestId(snapshot: DiscordStateSnapshot): string | null {
  const ids = [
    snapshot.lastSnowflake,
    ...snapshot.users.map((user) => user.id),
    ...snapshot.guilds.map((guild) => guild.id),
    ...snapshot.roles.map((role) => role.id),
    ...snapshot.channels.map((channel) => channel.id),
    ...snapshot.messages.map((record) => record.message.id),
  ];
  return ids.reduce<string | null>(
    (highest, each) => (each !== null && (highest === null || compareDiscordIds(each, highest) > 0) ? each : highest),
    null,
  );
}

function nonceKey(channelId: string, authorId: string, nonce: string | number): string {
  return `${channelId}:${authorId}:${nonce}`;
}
