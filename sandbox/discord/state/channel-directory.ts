import { ChannelType, type ThreadAutoArchiveDuration } from 'discord-api-types/v10';
import {
  type ChannelRecord,
  type DmChannelRecord,
  isDmChannel,
  isThread,
  type MessageChannelRecord,
  type PermissionOverwriteRecord,
  type ThreadMemberRecord,
  type ThreadRecord,
} from './records.ts';
import type { DiscordStateSnapshot } from './snapshot.ts';
import type { StoreContext } from './store-context.ts';

/** A thread to open in a text channel. */
export interface NewThread {
  parent: ChannelRecord;
  name: string;
  type: ChannelType.PublicThread | ChannelType.PrivateThread;
  invitable: boolean;
  autoArchiveDuration: ThreadAutoArchiveDuration;
  ownerId: string;
}

/** A text channel or category to create in a guild. */
export interface NewGuildChannel {
  type?: ChannelType.GuildText | ChannelType.GuildCategory;
  name: string;
  topic?: string | null;
  /** A text channel's category. */
  parentId?: string | null;
  permissionOverwrites?: PermissionOverwriteRecord[];
}

/** The settings of a text channel or category a PATCH may change; absent fields stay as they are. */
export interface GuildChannelPatch {
  name?: string;
  topic?: string | null;
  parentId?: string | null;
  permissionOverwrites?: PermissionOverwriteRecord[];
}

/** The thread settings a PATCH may change; absent fields stay as they are. */
export interface ThreadPatch {
  name?: string;
  archived?: boolean;
  locked?: boolean;
  invitable?: boolean;
  autoArchiveDuration?: ThreadAutoArchiveDuration;
}

type ChannelSnapshot = Pick<DiscordStateSnapshot, 'channels' | 'threadMembers' | 'dmChannels'>;

/**
 * Guild channels and their threads, with who has joined each thread and the thread's message counters; and the
 * direct message channels, kept apart because they belong to no guild.
 */
export class ChannelDirectory {
  readonly channels = new Map<string, ChannelRecord>();
  readonly dmChannels = new Map<string, DmChannelRecord>();
  /** Members by thread, then by user id; every thread has an entry, text channels none. */
  readonly #threadMembers = new Map<string, Map<string, ThreadMemberRecord>>();
  readonly #context: StoreContext;

  constructor(context: StoreContext) {
    this.#context = context;
  }

  createGuildChannel(guildId: string, input: NewGuildChannel): ChannelRecord {
    const channel: ChannelRecord = {
      id: this.#context.nextId(),
      guildId,
      type: input.type ?? ChannelType.GuildText,
      name: input.name,
      position: [...this.channels.values()].filter((c) => c.guildId === guildId && !isThread(c)).length,
      parentId: input.parentId ?? null,
      topic: input.type === ChannelType.GuildCategory ? null : (input.topic ?? null),
      lastMessageId: null,
      permissionOverwrites: (input.permissionOverwrites ?? []).map((overwrite) => ({ ...overwrite })),
      thread: null,
    };
    this.channels.set(channel.id, channel);
    this.#context.changed();
    return channel;
  }

  updateGuildChannel(channel: ChannelRecord, patch: GuildChannelPatch): void {
    if (patch.name !== undefined) channel.name = patch.name;
    if (patch.topic !== undefined) channel.topic = patch.topic;
    if (patch.parentId !== undefined) channel.parentId = patch.parentId;
    if (patch.permissionOverwrites !== undefined)
      channel.permissionOverwrites = patch.permissionOverwrites.map((overwrite) => ({ ...overwrite }));
    this.#context.changed();
  }

  /** Adds the overwrite for its role or member, or replaces the one there was. */
  putPermissionOverwrite(channel: ChannelRecord, overwrite: PermissionOverwriteRecord): void {
    channel.permissionOverwrites = [
      ...channel.permissionOverwrites.filter((each) => each.id !== overwrite.id),
      { ...overwrite },
    ];
    this.#context.changed();
  }

  /** Removes a role's or member's overwrite; returns false when there was none. */
  deletePermissionOverwrite(channel: ChannelRecord, overwriteId: string): boolean {
    const kept = channel.permissionOverwrites.filter((each) => each.id !== overwriteId);
    if (kept.length === channel.permissionOverwrites.length) return false;
    channel.permissionOverwrites = kept;
    this.#context.changed();
    return true;
  }

  /** The one DM channel between a bot and a user, made the first time it is asked for. */
  openDmChannel(botUserId: string, userId: string): DmChannelRecord {
    for (const channel of this.dmChannels.values())
      if (channel.recipientIds[0] === botUserId && channel.recipientIds[1] === userId) return channel;
    const channel: DmChannelRecord = {
      id: this.#context.nextId(),
      type: ChannelType.DM,
      guildId: null,
      recipientIds: [botUserId, userId],
      lastMessageId: null,
    };
    this.dmChannels.set(channel.id, channel);
    this.#context.changed();
    return channel;
  }

  /** A thread in a text channel; its creator becomes its first member, as on Discord. */
  createThread(input: NewThread): ThreadRecord {
    const now = this.#context.isoNow();
    const thread: ThreadRecord = {
      id: this.#context.nextId(),
      guildId: input.parent.guildId,
      type: input.type,
      name: input.name,
      position: 0,
      parentId: input.parent.id,
      topic: null,
      lastMessageId: null,
      permissionOverwrites: [],
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

  updateThread(thread: ThreadRecord, patch: ThreadPatch): void {
    const metadata = thread.thread;
    if (patch.name !== undefined) thread.name = patch.name;
    if (patch.locked !== undefined) metadata.locked = patch.locked;
    if (patch.invitable !== undefined && thread.type === ChannelType.PrivateThread)
      metadata.invitable = patch.invitable;
    if (patch.autoArchiveDuration !== undefined) metadata.autoArchiveDuration = patch.autoArchiveDuration;
    if (patch.archived !== undefined && patch.archived !== metadata.archived) {
      metadata.archived = patch.archived;
      metadata.archiveTimestamp = this.#context.isoNow();
    }
    this.#context.changed();
  }

  /** A message was posted: the channel's last message moves, and an archived, unlocked thread unarchives. */
  recordMessageSent(channel: MessageChannelRecord, messageId: string): void {
    channel.lastMessageId = messageId;
    if (!isDmChannel(channel) && isThread(channel)) {
      channel.thread.messageCount += 1;
      channel.thread.totalMessageSent += 1;
      if (channel.thread.archived && !channel.thread.locked) this.updateThread(channel, { archived: false });
    }
    this.#context.changed();
  }

  /** A message was deleted: a thread's message_count drops with deletions; total_message_sent does not. */
  recordMessageDeleted(channelId: string): void {
    const channel = this.channels.get(channelId);
    if (channel && isThread(channel)) channel.thread.messageCount = Math.max(0, channel.thread.messageCount - 1);
    this.#context.changed();
  }

  threadMembers(threadId: string): ThreadMemberRecord[] {
    return [...(this.#threadMembers.get(threadId)?.values() ?? [])];
  }

  /** Adds a member; returns false when they already were one. */
  addThreadMember(threadId: string, userId: string): boolean {
    if (this.#threadMembers.get(threadId)?.has(userId)) return false;
    this.#joinThread(threadId, userId);
    return true;
  }

  /** Removes a member; returns false when they were not one. */
  removeThreadMember(threadId: string, userId: string): boolean {
    const removed = this.#threadMembers.get(threadId)?.delete(userId) ?? false;
    if (removed) this.#context.changed();
    return removed;
  }

  #joinThread(threadId: string, userId: string): void {
    this.#threadMembers.get(threadId)?.set(userId, { threadId, userId, joinTimestamp: this.#context.isoNow() });
    this.#context.changed();
  }

  /** A member who left the guild leaves its threads too. */
  removeFromGuildThreads(guildId: string, userId: string): void {
    for (const channel of this.channels.values()) {
      if (channel.guildId === guildId) this.#threadMembers.get(channel.id)?.delete(userId);
    }
    this.#context.changed();
  }

  /**
   * Deletes a channel and, for a text channel, its threads, with their members; a category's channels stay, out of
   * any category. Returns the ids of every channel deleted, whose messages the caller drops.
   */
  deleteChannel(channelId: string): string[] {
    if (!this.channels.has(channelId)) throw new Error(`no channel ${channelId}`);
    const children = [...this.channels.values()].filter((channel) => channel.parentId === channelId);
    const threads = children.filter(isThread);
    for (const child of children) if (!isThread(child)) child.parentId = null;
    const deletedIds = [channelId, ...threads.map((thread) => thread.id)];
    for (const id of deletedIds) {
      this.channels.delete(id);
      this.#threadMembers.delete(id);
    }
    this.#context.changed();
    return deletedIds;
  }

  snapshot(): ChannelSnapshot {
    return {
      channels: [...this.channels.values()],
      threadMembers: [...this.#threadMembers.values()].flatMap((members) => [...members.values()]),
      dmChannels: [...this.dmChannels.values()],
    };
  }

  /** Fills the empty maps in the snapshot's order, so lists come out in the order they did before. */
  restore(snapshot: ChannelSnapshot): void {
    for (const channel of snapshot.channels) {
      this.channels.set(channel.id, channel);
      if (isThread(channel)) this.#threadMembers.set(channel.id, new Map());
    }
    for (const member of snapshot.threadMembers) this.#threadMembers.get(member.threadId)?.set(member.userId, member);
    for (const channel of snapshot.dmChannels) this.dmChannels.set(channel.id, channel);
  }
}
