import {
  type APIMessage,
  type APIPartialEmoji,
  ChannelType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type { DispatchListener, GatewayDispatch } from '../events/dispatch.ts';
import {
  channelCreated,
  channelDeleted,
  channelUpdated,
  memberJoined,
  memberLeft,
  messageCreated,
  messageDeleted,
  messageUpdated,
  reactionAdded,
  roleCreated,
  threadCreated,
  threadJoined,
  threadLeft,
} from '../events/world-events.ts';
import { CommandStore } from '../interactions/command-store.ts';
import { InteractionStore } from '../interactions/interaction-store.ts';
import { channelPermissions, hasPermission } from '../permissions/compute.ts';
import { viewersNow } from '../permissions/visibility.ts';
import {
  ChannelDirectory,
  type GuildChannelPatch,
  type NewGuildChannel,
  type NewThread,
  type ThreadPatch,
} from './channel-directory.ts';
import { FaultQueue } from './faults.ts';
import { GuildDirectory } from './guild-directory.ts';
import { type MentionAdds, planMentionAdds } from './mention-adds.ts';
import type { MessagePageQuery } from './message-pages.ts';
import { type MessageDraft, type MessagePatch, MessageStore } from './message-store.ts';
import type {
  BotRecord,
  ChannelRecord,
  DmChannelRecord,
  GuildRecord,
  MemberRecord,
  MessageChannelRecord,
  MessageRecord,
  PermissionOverwriteRecord,
  RequestLogEntry,
  RoleRecord,
  ThreadMemberRecord,
  ThreadRecord,
  UserRecord,
} from './records.ts';
import { isThread } from './records.ts';
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
  /** Application commands per guild, and the interactions users start (neither is kept in snapshots). */
  readonly commands: CommandStore;
  readonly interactions: InteractionStore;

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
      changed: () => this.#changed(),
    };
    this.commands = new CommandStore(context);
    this.interactions = new InteractionStore(context);
    this.#users = new UserDirectory(context);
    this.#guilds = new GuildDirectory(context);
    this.#channels = new ChannelDirectory(context);
    this.#messages = new MessageStore(
      context,
      {
        users: this.#users.users,
        roles: this.#guilds.roles,
        mayMentionEveryone: (channel, authorId) =>
          channel.guildId !== null &&
          hasPermission(channelPermissions(this, channel.id, authorId), PermissionFlagsBits.MentionEveryone),
      },
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

  #changed(): void {
    for (const listener of this.#changeListeners) listener();
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

  /** Guild channels and threads; DM channels are `dmChannels`. */
  get channels(): ReadonlyMap<string, ChannelRecord> {
    return this.#channels.channels;
  }

  get dmChannels(): ReadonlyMap<string, DmChannelRecord> {
    return this.#channels.dmChannels;
  }

  /** A channel messages are sent in: a guild channel or thread, or a DM channel. */
  messageChannel(channelId: string): MessageChannelRecord | undefined {
    return this.#channels.channels.get(channelId) ?? this.#channels.dmChannels.get(channelId);
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

  /** The language the user's client is set to, which their interactions carry. */
  setUserLocale(userId: string, locale: string): void {
    this.#users.update(userId, { locale });
  }

  /** The user's "Allow direct messages from server members" privacy setting. */
  setAllowsDirectMessages(userId: string, allowed: boolean): void {
    this.#users.update(userId, { allowsDirectMessages: allowed });
  }

  // --- guilds, roles, members ---

  /** A guild with its @everyone role (whose id is the guild's) and its owner as first member. */
  createGuild(input: { name: string; ownerId: string }): GuildRecord {
    return this.#guilds.createGuild(input);
  }

  createRole(
    guildId: string,
    input: {
      name: string;
      permissions?: string;
      mentionable?: boolean;
      color?: number;
      hoist?: boolean;
      managed?: boolean;
    },
  ): RoleRecord {
    const role = this.#guilds.createRole(guildId, input);
    this.dispatch(roleCreated(role));
    return role;
  }

  rolesOf(guildId: string): RoleRecord[] {
    return this.#guilds.rolesOf(guildId);
  }

  /** Adding someone already in the guild replaces their member record (a GUILD_MEMBER_UPDATE). */
  addMember(guildId: string, userId: string, input: { roleIds?: string[]; nick?: string | null } = {}): MemberRecord {
    const wasMember = this.member(guildId, userId) !== undefined;
    const member = this.#guilds.addMember(guildId, userId, input);
    const user = this.users.get(userId);
    if (user) this.dispatch(memberJoined(member, user, wasMember));
    return member;
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.#guilds.member(guildId, userId);
  }

  /** Members in id order, the order Discord pages them in. */
  membersWithRole(guildId: string, roleId: string): string[] {
    return this.#guilds.membersWithRole(guildId, roleId);
  }

  membersOf(guildId: string): MemberRecord[] {
    return this.#guilds.membersOf(guildId);
  }

  /** A member leaving (or kicked): out of the guild and out of its threads. */
  removeMember(guildId: string, userId: string): void {
    const joinedThreads = [...this.#channels.channels.values()]
      .filter((channel): channel is ThreadRecord => channel.guildId === guildId && isThread(channel))
      .filter((thread) => this.threadMembers(thread.id).some((member) => member.userId === userId))
      .map((thread) => ({ thread, viewers: viewersNow(this, thread.id) }));
    this.#guilds.removeMember(guildId, userId);
    this.#channels.removeFromGuildThreads(guildId, userId);
    const user = this.users.get(userId);
    if (user) this.dispatch(memberLeft(guildId, user));
    for (const { thread, viewers } of joinedThreads) this.dispatch(threadLeft(this, thread, userId, viewers));
  }

  // --- channels and threads ---

  /** A text channel or a category (CHANNEL_CREATE to those who see it). */
  createGuildChannel(guildId: string, input: NewGuildChannel): ChannelRecord {
    const channel = this.#channels.createGuildChannel(guildId, input);
    this.dispatch(channelCreated(this, channel));
    return channel;
  }

  createTextChannel(
    guildId: string,
    input: { name: string; topic?: string | null; permissionOverwrites?: PermissionOverwriteRecord[] },
  ): ChannelRecord {
    return this.createGuildChannel(guildId, { ...input, type: ChannelType.GuildText });
  }

  updateGuildChannel(channel: ChannelRecord, patch: GuildChannelPatch): void {
    this.#changeChannel(channel, () => this.#channels.updateGuildChannel(channel, patch));
  }

  /** Adds or replaces the overwrite for its role or member. */
  putPermissionOverwrite(channel: ChannelRecord, overwrite: PermissionOverwriteRecord): void {
    this.#changeChannel(channel, () => this.#channels.putPermissionOverwrite(channel, overwrite));
  }

  /** Removes a role's or member's overwrite; nothing happens (and no event) when there was none. */
  deletePermissionOverwrite(channel: ChannelRecord, overwriteId: string): void {
    const viewersBefore = viewersNow(this, channel.id);
    if (this.#channels.deletePermissionOverwrite(channel, overwriteId))
      this.dispatch(channelUpdated(this, channel, viewersBefore));
  }

  /** A change to a channel, announced to whoever saw it before or sees it after (overwrites change who does). */
  #changeChannel(channel: ChannelRecord, change: () => void): void {
    const viewersBefore = viewersNow(this, channel.id);
    change();
    this.dispatch(channelUpdated(this, channel, viewersBefore));
  }

  /**
   * The DM channel between a bot and a user, opened once (Discord sends no gateway event for it: the bot learns
   * it from the REST answer, the user when the first message arrives).
   */
  openDmChannel(botUserId: string, userId: string): DmChannelRecord {
    return this.#channels.openDmChannel(botUserId, userId);
  }

  /** A thread in a text channel; its creator becomes its first member, as on Discord. */
  createThread(input: NewThread): ThreadRecord {
    const thread = this.#channels.createThread(input);
    this.dispatch(threadCreated(this, thread, input.ownerId, true));
    return thread;
  }

  /** Active (unarchived) threads of a guild. */
  activeThreads(guildId: string): ThreadRecord[] {
    return this.#channels.activeThreads(guildId);
  }

  updateThread(thread: ThreadRecord, patch: ThreadPatch): void {
    this.#channels.updateThread(thread, patch);
    this.dispatch(channelUpdated(this, thread));
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
    for (const dispatch of threadJoined(this, thread, userId)) this.dispatch(dispatch);
    if (userId !== actorId) {
      this.createMessage(thread, actorId, { type: MessageType.RecipientAdd, mentionUserIds: [userId] });
    }
    return true;
  }

  /**
   * Someone removed from a thread (or leaving it): THREAD_MEMBERS_UPDATE to those who saw the thread; removing
   * someone else leaves Discord's "removed from the thread" system message (type 2). False when they were not in it.
   */
  removeThreadMember(thread: ThreadRecord, userId: string, actorId: string): boolean {
    const viewersBefore = viewersNow(this, thread.id);
    if (!this.#channels.removeThreadMember(thread.id, userId)) return false;
    this.dispatch(threadLeft(this, thread, userId, viewersBefore));
    if (userId !== actorId)
      this.createMessage(thread, actorId, { type: MessageType.RecipientRemove, mentionUserIds: [userId] });
    return true;
  }

  /**
   * A channel deleted, with its messages; deleting a text channel deletes its threads too, deleting a category
   * leaves its channels outside any category (a CHANNEL_UPDATE each), as Discord does.
   */
  deleteChannel(channelId: string): void {
    const children = [...this.#channels.channels.values()].filter((channel) => channel.parentId === channelId);
    const doomed = [...children.filter(isThread).reverse(), this.#channels.channels.get(channelId)].filter(
      (channel): channel is ChannelRecord => channel !== undefined,
    );
    // Decided before the deletion: who could see a channel is unknowable once it is gone.
    const dispatches = doomed.map((channel) => channelDeleted(this, channel));
    this.#messages.deleteChannels(this.#channels.deleteChannel(channelId));
    for (const dispatch of dispatches) this.dispatch(dispatch);
    for (const orphan of children.filter((child) => !isThread(child))) this.dispatch(channelUpdated(this, orphan));
  }

  // --- messages ---

  /**
   * A message as Discord stores it; a message in an archived, unlocked thread unarchives it, and one in a thread
   * adds the people it mentions (state/mention-adds.ts), after it is announced.
   */
  createMessage(channel: MessageChannelRecord, authorId: string, draft: MessageDraft): MessageRecord {
    const wasArchived = isThread(channel) && channel.thread.archived;
    const record = this.#messages.create(channel, authorId, draft);
    this.#channels.recordMessageSent(channel, record.message.id);
    if (wasArchived && isThread(channel) && !channel.thread.archived) this.dispatch(channelUpdated(this, channel));
    const adds = this.#planMentionAdds(channel, record.message, authorId);
    this.dispatch(messageCreated(this, channel, record.message));
    this.#addMentioned(channel, adds, authorId);
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

  /** A message built as `createMessage` would, but kept out of the channel (an ephemeral interaction reply). */
  buildDetachedMessage(channel: MessageChannelRecord, authorId: string, draft: MessageDraft): APIMessage {
    return this.#messages.build(channel, authorId, draft).message;
  }

  /** An edit by its author: the changed fields, and Discord's edited_timestamp; new content adds whom it mentions. */
  editMessage(channelId: string, messageId: string, patch: MessagePatch): APIMessage {
    const channel = this.messageChannel(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    const message = this.#messages.edit(channel, messageId, patch);
    const adds = patch.content === undefined ? null : this.#planMentionAdds(channel, message, message.author.id);
    this.dispatch(messageUpdated(this, channel, message));
    if (adds) this.#addMentioned(channel, adds, message.author.id);
    return message;
  }

  /** Who the message adds to its thread; marks it when a mentioned role was too big to add. */
  #planMentionAdds(channel: MessageChannelRecord, message: APIMessage, authorId: string): MentionAdds | null {
    if (!isThread(channel)) return null;
    const adds = planMentionAdds(this, channel, message, authorId);
    const failed = MessageFlags.FailedToMentionSomeRolesInThread;
    const flags = adds.failedRoles ? (message.flags ?? 0) | failed : (message.flags ?? 0) & ~failed;
    if (flags !== (message.flags ?? 0)) {
      message.flags = flags;
      this.#changed();
    }
    return adds;
  }

  #addMentioned(channel: MessageChannelRecord, adds: MentionAdds | null, authorId: string): void {
    if (!adds || !isThread(channel)) return;
    for (const userId of adds.userIds) this.addThreadMember(channel, userId, authorId);
  }

  /**
   * Someone reacting; one more of the same emoji adds to its count. Only a reaction with its reactor
   * becomes a MESSAGE_REACTION_ADD: the gateway event names who reacted.
   */
  addReaction(channelId: string, messageId: string, emoji: APIPartialEmoji, reactorId?: string): APIMessage {
    const message = this.#messages.addReaction(channelId, messageId, emoji);
    const channel = this.messageChannel(channelId);
    if (channel && reactorId !== undefined) this.dispatch(reactionAdded(this, channel, message, reactorId, emoji));
    return message;
  }

  /** Deleted by its author or a moderator: gone from the channel's history, and from a thread's count. */
  deleteMessage(channelId: string, messageId: string): void {
    this.#messages.delete(channelId, messageId);
    this.#channels.recordMessageDeleted(channelId);
    const channel = this.messageChannel(channelId);
    if (channel) this.dispatch(messageDeleted(this, channel, messageId));
  }
}
