import { type APIMessage, type APIPartialEmoji, MessageType } from 'discord-api-types/v10';
import { ChannelDirectory, type NewThread, type ThreadPatch } from './channel-directory.ts';
import type { DispatchListener, GatewayDispatch } from './dispatch.ts';
import { FaultQueue } from './faults.ts';
import { GuildDirectory } from './guild-directory.ts';
import type { MessagePageQuery } from './message-pages.ts';
import { type MessageDraft, MessageStore } from './message-store.ts';
import type {
  BotRecord,
  ChannelRecord,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  RequestLogEntry,
  RoleRecord,
  ThreadMemberRecord,
  ThreadRecord,
  UserRecord,
} from './records.ts';
import { ResumableSnowflakeGenerator } from './resumable-snowflakes.ts';
import {
  DISCORD_STATE_SNAPSHOT_VERSION,
  type DiscordStateSnapshot,
  highestIdIn,
  parseDiscordStateSnapshot,
} from './snapshot.ts';
import type { StoreContext } from './store-context.ts';
import { UserDirectory } from './user-directory.ts';

/** Discord only says "the past few minutes" for enforce_nonce; the sandbox keeps nonces this long. */
const DEFAULT_NONCE_WINDOW_MS = 5 * 60_000;

export interface DiscordStateOptions {
  now?: () => number;
  nonceWindowMs?: number;
  /** The world to start from, as `snapshot()` gave it (checked first: a bad snapshot throws InvalidSnapshotError). */
  restoreFrom?: DiscordStateSnapshot;
}

/**
 * Everything the local Discord knows. Mutations live here (not in route handlers) so that REST requests and
 * test drivers change the world the same way. Each kind of record has its own store; this class composes
 * them and carries out the side effects Discord makes across them (a message unarchives its thread, a
 * departing member leaves its threads), and persistence (snapshot, restore, change listeners).
 */
export class DiscordState {
  readonly now: () => number;
  readonly faults = new FaultQueue();
  readonly requestLog: RequestLogEntry[] = [];

  readonly #snowflakes: ResumableSnowflakeGenerator;
  readonly #changeListeners = new Set<() => void>();
  readonly #dispatchListeners = new Set<DispatchListener>();
  readonly #users: UserDirectory;
  readonly #guilds: GuildDirectory;
  readonly #channels: ChannelDirectory;
  readonly #messages: MessageStore;

  constructor(options: DiscordStateOptions = {}) {
    this.now = options.now ?? Date.now;
    const restored = options.restoreFrom ? parseDiscordStateSnapshot(structuredClone(options.restoreFrom)) : null;
    this.#snowflakes = new ResumableSnowflakeGenerator(this.now, restored ? highestIdIn(restored) : null);
    const context: StoreContext = {
      now: () => this.now(),
      isoNow: () => new Date(this.now()).toISOString(),
      nextId: () => this.#snowflakes.next(),
      changed: () => {
        for (const listener of this.#changeListeners) listener();
      },
    };
    this.#users = new UserDirectory(context);
    this.#guilds = new GuildDirectory(context);
    this.#channels = new ChannelDirectory(context);
    this.#messages = new MessageStore(
      context,
      { users: this.#users.users, roles: this.#guilds.roles },
      options.nonceWindowMs ?? DEFAULT_NONCE_WINDOW_MS,
    );
    if (restored) {
      this.#users.restore(restored);
      this.#guilds.restore(restored);
      this.#channels.restore(restored);
      this.#messages.restore(restored.messages);
    }
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

  // --- gateway events ---

  /** Calls the listener with every gateway event the world emits. Returns the function that stops listening. */
  onDispatch(listener: DispatchListener): () => void {
    this.#dispatchListeners.add(listener);
    return () => this.#dispatchListeners.delete(listener);
  }

  /** Emits one gateway event to every listener (the gateway's sessions, test recorders). */
  dispatch(dispatch: GatewayDispatch): void {
    for (const listener of this.#dispatchListeners) listener(dispatch);
  }

  /** The whole world as plain JSON data, sharing nothing with the live state. */
  snapshot(): DiscordStateSnapshot {
    return structuredClone({
      version: DISCORD_STATE_SNAPSHOT_VERSION,
      savedAt: new Date(this.now()).toISOString(),
      lastSnowflake: this.#snowflakes.lastIssued,
      ...this.#users.snapshot(),
      ...this.#guilds.snapshot(),
      ...this.#channels.snapshot(),
      messages: this.#messages.snapshot(),
    });
  }

  // --- records by id, read-only: change them through the methods below ---

  get users(): ReadonlyMap<string, UserRecord> {
    return this.#users.users;
  }

  get guilds(): ReadonlyMap<string, GuildRecord> {
    return this.#guilds.guilds;
  }

  get roles(): ReadonlyMap<string, RoleRecord> {
    return this.#guilds.roles;
  }

  get channels(): ReadonlyMap<string, ChannelRecord> {
    return this.#channels.channels;
  }

  // --- users and bots ---

  createUser(input: { username: string; globalName?: string | null; bot?: boolean }): UserRecord {
    return this.#users.createUser(input);
  }

  /** A bot user with its token; a token the world already has returns its bot. */
  createBot(input: { username: string; token?: string }): BotRecord {
    return this.#users.createBot(input);
  }

  botByToken(token: string): BotRecord | undefined {
    return this.#users.botByToken(token);
  }

  botByUserId(userId: string): BotRecord | undefined {
    return this.#users.botByUserId(userId);
  }

  // --- guilds, roles, members ---

  /** A guild with its @everyone role (whose id is the guild's) and its owner as first member. */
  createGuild(input: { name: string; ownerId: string }): GuildRecord {
    return this.#guilds.createGuild(input);
  }

  createRole(
    guildId: string,
    input: { name: string; permissions?: string; mentionable?: boolean; color?: number; hoist?: boolean },
  ): RoleRecord {
    return this.#guilds.createRole(guildId, input);
  }

  rolesOf(guildId: string): RoleRecord[] {
    return this.#guilds.rolesOf(guildId);
  }

  addMember(guildId: string, userId: string, input: { roleIds?: string[]; nick?: string | null } = {}): MemberRecord {
    return this.#guilds.addMember(guildId, userId, input);
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.#guilds.member(guildId, userId);
  }

  /** Members in id order, the order Discord pages them in. */
  membersOf(guildId: string): MemberRecord[] {
    return this.#guilds.membersOf(guildId);
  }

  /** A member leaving (or kicked): out of the guild and out of its threads. */
  removeMember(guildId: string, userId: string): void {
    this.#guilds.removeMember(guildId, userId);
    this.#channels.removeFromGuildThreads(guildId, userId);
  }

  // --- channels and threads ---

  createTextChannel(guildId: string, input: { name: string; topic?: string | null }): ChannelRecord {
    return this.#channels.createTextChannel(guildId, input);
  }

  updateTextChannel(channel: ChannelRecord, patch: { name?: string | null; topic?: string | null }): void {
    this.#channels.updateTextChannel(channel, patch);
  }

  /** A thread in a text channel; its creator becomes its first member, as on Discord. */
  createThread(input: NewThread): ThreadRecord {
    return this.#channels.createThread(input);
  }

  /** Active (unarchived) threads of a guild. */
  activeThreads(guildId: string): ThreadRecord[] {
    return this.#channels.activeThreads(guildId);
  }

  updateThread(thread: ThreadRecord, patch: ThreadPatch): void {
    this.#channels.updateThread(thread, patch);
  }

  threadMembers(threadId: string): ThreadMemberRecord[] {
    return this.#channels.threadMembers(threadId);
  }

  /**
   * Adds a member; returns false when they already were one. Someone adding another user
   * leaves Discord's "added to the thread" system message (type 1) in the thread.
   */
  addThreadMember(thread: ThreadRecord, userId: string, actorId: string): boolean {
    if (!this.#channels.addThreadMember(thread.id, userId)) return false;
    if (userId !== actorId) {
      this.createMessage(thread, actorId, { type: MessageType.RecipientAdd, mentionUserIds: [userId] });
    }
    return true;
  }

  /** A channel deleted by hand, with its messages; deleting a text channel deletes its threads too. */
  deleteChannel(channelId: string): void {
    this.#messages.deleteChannels(this.#channels.deleteChannel(channelId));
  }

  // --- messages ---

  /** A message as Discord stores it; a message in an archived, unlocked thread unarchives it. */
  createMessage(channel: ChannelRecord, authorId: string, draft: MessageDraft): MessageRecord {
    const record = this.#messages.create(channel, authorId, draft);
    this.#channels.recordMessageSent(channel, record.message.id);
    return record;
  }

  /** The message this author already sent here with this nonce within the dedupe window. */
  messageByNonce(channelId: string, authorId: string, nonce: string | number): MessageRecord | undefined {
    return this.#messages.byNonce(channelId, authorId, nonce);
  }

  messagesIn(channelId: string): APIMessage[] {
    return this.#messages.messagesIn(channelId);
  }

  message(channelId: string, messageId: string): APIMessage | undefined {
    return this.#messages.message(channelId, messageId);
  }

  /** One page of a channel's history, newest first, as GET /channels/{id}/messages answers. */
  messagesPage(channelId: string, query: MessagePageQuery): APIMessage[] {
    return this.#messages.page(channelId, query);
  }

  /** An edit by its author: new content, and Discord's edited_timestamp. */
  editMessage(channelId: string, messageId: string, patch: { content: string }): APIMessage {
    return this.#messages.edit(channelId, messageId, patch);
  }

  /** Someone reacting; one more of the same emoji adds to its count. */
  addReaction(channelId: string, messageId: string, emoji: APIPartialEmoji): APIMessage {
    return this.#messages.addReaction(channelId, messageId, emoji);
  }

  /** Deleted by its author or a moderator: gone from the channel's history, and from a thread's count. */
  deleteMessage(channelId: string, messageId: string): void {
    this.#messages.delete(channelId, messageId);
    this.#channels.recordMessageDeleted(channelId);
  }
}
