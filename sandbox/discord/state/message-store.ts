import {
  AllowedMentionsTypes,
  type APIAllowedMentions,
  type APIEmbed,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageTopLevelComponent,
  type APIPartialEmoji,
  type APIStickerItem,
  EmbedType,
  MessageReferenceType,
  MessageType,
} from 'discord-api-types/v10';
import { serializeUser } from '../serializers.ts';
import { type AttachmentDraft, newAttachment } from './attachment-urls.ts';
import { resolveMentions } from './mentions.ts';
import { type MessagePageQuery, pageOfMessages } from './message-pages.ts';
import type { MessageChannelRecord, MessageRecord, RoleRecord, UserRecord } from './records.ts';
import type { DiscordStateSnapshot } from './snapshot.ts';
import type { StoreContext } from './store-context.ts';

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
  /** Interaction responses: sent through the application's webhook, naming the interaction they answer. */
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessageInteractionMetadata;
}

/** What an edit may change; absent fields stay as they are. */
export interface MessagePatch {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  /** How new content's mentions resolve; absent means the defaults for the kind of message. */
  allowedMentions?: APIAllowedMentions | null;
}

/** Without allowed_mentions, a channel message pings everything; a webhook's (interaction responses) only users. */
export function defaultAllowedMentions(message: Pick<APIMessage, 'webhook_id'>): APIAllowedMentions | null {
  return message.webhook_id ? { parse: [AllowedMentionsTypes.User] } : null;
}

/** Who a message can name: the users and roles it is checked against, read from the other stores. */
export interface MessageDirectories {
  users: ReadonlyMap<string, UserRecord>;
  roles: ReadonlyMap<string, RoleRecord>;
  /** MENTION_EVERYONE in the channel: pings @everyone and roles that are not mentionable. */
  mayMentionEveryone(channel: MessageChannelRecord, authorId: string): boolean;
}

/**
 * Every channel's messages in the order they were sent, with the nonces that make a repeated send return the
 * first message. Channel bookkeeping (last message, thread counters) is the channel directory's.
 */
export class MessageStore {
  readonly #messages = new Map<string, MessageRecord[]>();
  readonly #nonces = new Map<string, MessageRecord>();
  readonly #context: StoreContext;
  readonly #directories: MessageDirectories;
  readonly #nonceWindowMs: number;

  constructor(context: StoreContext, directories: MessageDirectories, nonceWindowMs: number) {
    this.#context = context;
    this.#directories = directories;
    this.#nonceWindowMs = nonceWindowMs;
  }

  /** A message as Discord stores it; checks come first, so a refused draft takes no id. */
  create(channel: MessageChannelRecord, authorId: string, draft: MessageDraft): MessageRecord {
    const record = this.build(channel, authorId, draft);
    this.#append(record);
    this.#context.changed();
    return record;
  }

  /** A message as `create` makes it, kept out of the channel's history (ephemeral messages live elsewhere). */
  build(channel: MessageChannelRecord, authorId: string, draft: MessageDraft): MessageRecord {
    const author = this.#directories.users.get(authorId);
    if (!author) throw new Error(`no user ${authorId}`);
    const content = draft.content ?? '';
    const mentions = this.#mentions(channel, authorId, content, draft.allowedMentions ?? null, draft.mentionUserIds);
    if (draft.replyToId !== undefined && !this.#record(channel.id, draft.replyToId))
      throw new Error(`no message ${draft.replyToId} in channel ${channel.id} to reply to`);
    const id = this.#context.nextId();
    const message: APIMessage = {
      id,
      channel_id: channel.id,
      author: serializeUser(author),
      content,
      timestamp: this.#context.isoNow(),
      edited_timestamp: null,
      tts: draft.tts ?? false,
      ...mentions,
      attachments: (draft.attachments ?? []).map((file) =>
        newAttachment(this.#context.nextId(), channel.id, file, this.#context.now()),
      ),
      // Discord stores every embed with its type; one sent without it is a rich embed.
      embeds: (draft.embeds ?? []).map((embed) => ({ ...embed, type: embed.type ?? EmbedType.Rich })),
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
              ...(channel.guildId === null ? {} : { guild_id: channel.guildId }),
            },
          }),
      ...(draft.stickerItems?.length ? { sticker_items: draft.stickerItems } : {}),
      ...(draft.webhookId ? { webhook_id: draft.webhookId } : {}),
      ...(draft.applicationId ? { application_id: draft.applicationId } : {}),
      ...(draft.interactionMetadata ? { interaction_metadata: draft.interactionMetadata } : {}),
    };
    return { message, authorId, createdAtMs: this.#context.now() };
  }

  /** The message this author already sent here with this nonce within the dedupe window. */
  byNonce(channelId: string, authorId: string, nonce: string | number): MessageRecord | undefined {
    const record = this.#nonces.get(nonceKey(channelId, authorId, nonce));
    return record && this.#context.now() - record.createdAtMs <= this.#nonceWindowMs ? record : undefined;
  }

  messagesIn(channelId: string): APIMessage[] {
    return (this.#messages.get(channelId) ?? []).map((record) => record.message);
  }

  message(channelId: string, messageId: string): APIMessage | undefined {
    return this.#record(channelId, messageId)?.message;
  }

  page(channelId: string, query: MessagePageQuery): APIMessage[] {
    return pageOfMessages(this.messagesIn(channelId), query);
  }

  /**
   * An edit by its author: the changed fields, and Discord's edited_timestamp. New content names its mentions
   * afresh, by the edit's allowed_mentions or else the defaults, whatever the message was sent with (Discord's docs).
   */
  edit(channel: MessageChannelRecord, messageId: string, patch: MessagePatch): APIMessage {
    const record = this.#existingRecord(channel.id, messageId);
    applyMessagePatch(record.message, patch);
    if (patch.content !== undefined) {
      const allowed = patch.allowedMentions ?? defaultAllowedMentions(record.message);
      Object.assign(record.message, this.#mentions(channel, record.authorId, patch.content, allowed));
    }
    record.message.edited_timestamp = this.#context.isoNow();
    this.#context.changed();
    return record.message;
  }

  /** `mentions`, `mention_roles` and `mention_everyone` of this content, with system messages' named users. */
  #mentions(
    channel: MessageChannelRecord,
    authorId: string,
    content: string,
    allowed: APIAllowedMentions | null,
    namedUserIds: string[] = [],
  ): Pick<APIMessage, 'mentions' | 'mention_roles' | 'mention_everyone'> {
    const { users, roles } = this.#directories;
    const mayMentionEveryone = this.#directories.mayMentionEveryone(channel, authorId);
    const resolved = resolveMentions(content, allowed, {
      user: (id) => users.has(id),
      role: (id) => {
        const role = roles.get(id);
        return role?.guildId === channel.guildId && (role.mentionable || mayMentionEveryone);
      },
      everyone: mayMentionEveryone,
    });
    return {
      mentions: [...new Set([...resolved.userIds, ...namedUserIds])].flatMap((id) => {
        const user = users.get(id);
        return user ? [serializeUser(user)] : [];
      }),
      mention_roles: resolved.roleIds,
      mention_everyone: resolved.everyone,
    };
  }

  /** Someone reacting; one more of the same emoji adds to its count. The sandbox does not track who reacted. */
  addReaction(channelId: string, messageId: string, emoji: APIPartialEmoji): APIMessage {
    const record = this.#existingRecord(channelId, messageId);
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
    this.#context.changed();
    return record.message;
  }

  /** Deleted by its author or a moderator: gone from the channel's history. */
  delete(channelId: string, messageId: string): void {
    const stored = this.#messages.get(channelId);
    const index = stored?.findIndex((record) => record.message.id === messageId) ?? -1;
    if (!stored || index < 0) throw new Error(`no message ${messageId} in channel ${channelId}`);
    const [record] = stored.splice(index, 1);
    // A deleted message is no answer to a repeated nonce.
    for (const [key, held] of this.#nonces) if (held === record) this.#nonces.delete(key);
    this.#context.changed();
  }

  /** Forgets the history of deleted channels. */
  deleteChannels(channelIds: string[]): void {
    for (const id of channelIds) this.#messages.delete(id);
    this.#context.changed();
  }

  snapshot(): DiscordStateSnapshot['messages'] {
    return [...this.#messages.values()].flat();
  }

  /** Replays the snapshot's messages in order, which also rebuilds the nonces. */
  restore(messages: DiscordStateSnapshot['messages']): void {
    for (const record of messages) this.#append(record);
  }

  /** Stores a message and registers its nonce; a later message with the same nonce replaces an earlier one. */
  #append(record: MessageRecord): void {
    const channelId = record.message.channel_id;
    const stored = this.#messages.get(channelId) ?? [];
    stored.push(record);
    this.#messages.set(channelId, stored);
    if (record.message.nonce !== undefined)
      this.#nonces.set(nonceKey(channelId, record.authorId, record.message.nonce), record);
  }

  #record(channelId: string, messageId: string): MessageRecord | undefined {
    return this.#messages.get(channelId)?.find((record) => record.message.id === messageId);
  }

  #existingRecord(channelId: string, messageId: string): MessageRecord {
    const record = this.#record(channelId, messageId);
    if (!record) throw new Error(`no message ${messageId} in channel ${channelId}`);
    return record;
  }
}

/** Applies an edit to a message object (stored or ephemeral); the caller stamps edited_timestamp. */
export function applyMessagePatch(message: APIMessage, patch: MessagePatch): void {
  if (patch.content !== undefined) message.content = patch.content;
  if (patch.embeds !== undefined) message.embeds = patch.embeds;
  if (patch.components !== undefined) message.components = patch.components;
  if (patch.flags !== undefined) message.flags = patch.flags;
}

function nonceKey(channelId: string, authorId: string, nonce: string | number): string {
  return `${channelId}:${authorId}:${nonce}`;
}
