/**
 * The canonical transcript from what the database and Discord know at close: messages and ticket events in
 * time order, replies with a snapshot of what they answer, and the users, roles, channels and emoji the
 * ticket mentions, with Discord's URLs replaced by the storage keys of their copies. Pure.
 */
import { snowflake } from '../domain/snowflake.ts';
import type { TicketEvent, TicketEventKind } from '../domain/ticket.ts';
import type { MediaCopy } from './media-copy.ts';
import {
  type SystemKind,
  TRANSCRIPT_FORMAT,
  TRANSCRIPT_VERSION,
  type Transcript,
  type TranscriptEmbed,
  type TranscriptEmoji,
  type TranscriptMessage,
  type TranscriptUser,
  transcriptSchema,
  type UnsavedReason,
} from './schema.ts';
import {
  customEmojiUrl,
  type SourceEmbed,
  stickerUrl,
  type TranscriptSource,
  type TranscriptSourceMessage,
} from './transcript-source.ts';

export class InvalidTranscriptSourceError extends Error {
  constructor(detail: string) {
    super(`cannot build transcript: ${detail}`);
    this.name = 'InvalidTranscriptSourceError';
  }
}

const EXCERPT_CHARS = 100;
/** A user mention in message text, as Discord writes it; shared with the loader that looks those users up. */
export const USER_MENTION = /<@!?(\d{17,20})>/g;
const ROLE_MENTION = /<@&(\d{17,20})>/g;
const CHANNEL_MENTION = /<#(\d{17,20})>/g;
const CUSTOM_EMOJI = /<(a?):([A-Za-z0-9_]{2,32}):(\d{17,20})>/g;

const SYSTEM_KINDS: Partial<Record<TicketEventKind, SystemKind>> = {
  opened: 'opened',
  assigned: 'assigned',
  unassigned: 'unassigned',
  member_added: 'member_added',
  timer_paused: 'timer_paused',
  timer_resumed: 'timer_resumed',
  timer_disabled: 'timer_disabled',
  reminder_sent: 'reminder_sent',
  warning_sent: 'warning_sent',
  closed: 'closed',
  reopened: 'reopened',
  rated: 'rated',
};

/** The event data field naming who an event is about. */
const SUBJECT_FIELD: Partial<Record<SystemKind, string>> = { assigned: 'assigneeId', member_added: 'memberId' };

function snowflakeOrNull(value: unknown): string | null {
  return snowflake.safeParse(value).success ? (value as string) : null;
}

/** One line of plain text, cut without splitting a surrogate pair. */
function excerptOf(content: string): string {
  const line = content.replace(/\s+/g, ' ').trim();
  if (line.length <= EXCERPT_CHARS) return line;
  const last = line.charCodeAt(EXCERPT_CHARS - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? EXCERPT_CHARS - 1 : EXCERPT_CHARS;
  return `${line.slice(0, cut)}…`;
}

/** Snowflakes by age: longer is newer, then by digits. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function markdownTexts(message: TranscriptSourceMessage): string[] {
  const texts = [message.content];
  for (const embed of message.embeds ?? []) {
    if (embed.title) texts.push(embed.title);
    if (embed.description) texts.push(embed.description);
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  return texts;
}

export function buildTranscript(
  source: TranscriptSource,
  media: ReadonlyMap<string, MediaCopy> = new Map(),
): Transcript {
  const saved = (url: string | null | undefined): { key: string | null; unsaved: UnsavedReason | null } => {
    if (!url) return { key: null, unsaved: 'not_copied' };
    return media.get(url) ?? { key: null, unsaved: 'not_copied' };
  };
  const keyOf = (url: string | null | undefined): string | null => saved(url).key;

  const { ticket, closure } = source;
  const messages = [...source.messages].sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id));
  const byId = new Map(messages.map((message) => [message.id, message]));

  const userIds = new Set<string>([ticket.creatorId]);
  const roleIds = new Set<string>();
  const channelIds = new Set<string>();
  const emojis = new Map<string, TranscriptEmoji>();
  const mention = (id: string | null) => {
    if (id !== null) userIds.add(id);
  };
  mention(ticket.assigneeId);
  mention(closure.closedById);
  const addEmoji = (id: string, name: string, animated: boolean) => {
    if (!emojis.has(id)) emojis.set(id, { id, name, animated, key: keyOf(customEmojiUrl(id, animated)) });
  };

  const entries: TranscriptMessage[] = [];
  for (const message of messages) {
    mention(message.authorId);
    for (const text of markdownTexts(message)) {
      for (const match of text.matchAll(USER_MENTION)) mention(match[1] as string);
      for (const match of text.matchAll(ROLE_MENTION)) roleIds.add(match[1] as string);
      for (const match of text.matchAll(CHANNEL_MENTION)) channelIds.add(match[1] as string);
      for (const match of text.matchAll(CUSTOM_EMOJI))
        addEmoji(match[3] as string, match[2] as string, match[1] === 'a');
    }
    for (const reaction of message.reactions ?? []) {
      if (reaction.emoji.id !== null)
        addEmoji(reaction.emoji.id, reaction.emoji.name, reaction.emoji.animated === true);
    }
    let reply: TranscriptMessage['reply'] = null;
    if (message.replyToId) {
      const target = byId.get(message.replyToId);
      reply = target
        ? { messageId: target.id, authorId: target.authorId, excerpt: excerptOf(target.content) }
        : { messageId: message.replyToId, authorId: null, excerpt: null };
    }
    entries.push({
      id: message.id,
      authorId: message.authorId,
      createdAt: message.createdAt,
      editedAt: message.editedAt,
      ...(typeof message.deletedAt === 'number' ? { deletedAt: message.deletedAt } : {}),
      content: message.content,
      reply,
      embeds: (message.embeds ?? []).map((embed) => canonicalEmbed(embed, saved)),
      attachments: message.attachments.map((attachment) => ({
        id: attachment.id,
        name: attachment.filename,
        size: attachment.size,
        contentType: attachment.contentType,
        ...saved(attachment.url),
      })),
      stickers: (message.stickers ?? []).map((sticker) => {
        const url = stickerUrl(sticker);
        return {
          id: sticker.id,
          name: sticker.name,
          format: sticker.format,
          ...(url ? saved(url) : { key: null, unsaved: null }),
        };
      }),
      reactions: (message.reactions ?? []).map((reaction) => ({
        emoji: { id: reaction.emoji.id, name: reaction.emoji.name, animated: reaction.emoji.animated === true },
        count: reaction.count,
      })),
      system: null,
    });
  }
  const messageCount = entries.length;

  for (const event of source.events) entries.push(...systemEntry(event, mention));
  // Stable: a system entry at the same millisecond as a message comes after it.
  entries.sort((a, b) => a.createdAt - b.createdAt);

  const transcript: Transcript = {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    ticket: {
      guildId: ticket.guildId,
      guildName: source.guildName,
      number: ticket.number,
      typeName: ticket.typeName,
      creatorId: ticket.creatorId,
      assigneeId: ticket.assigneeId,
      threadId: ticket.threadId,
      openedAt: ticket.openedAt,
      closedAt: closure.closedAt,
      closeReason: closure.reason,
      closedById: closure.closedById,
      automaticClose: closure.automatic,
      answers: source.answers,
    },
    users: snapshotUsers(source, messages, userIds, keyOf),
    roles: source.roles.filter((role) => roleIds.has(role.id)),
    channels: source.channels.filter((channel) => channelIds.has(channel.id)),
    emojis: [...emojis.values()],
    entryCount: entries.length,
    messageCount,
    messages: entries,
  };
  const checked = transcriptSchema.safeParse(transcript);
  if (!checked.success) throw new InvalidTranscriptSourceError(checked.error.message);
  return checked.data;
}

function systemEntry(event: TicketEvent, mention: (id: string | null) => void): TranscriptMessage[] {
  const kind = SYSTEM_KINDS[event.kind];
  if (kind === undefined) return [];
  const field = SUBJECT_FIELD[kind];
  const subjectId = field === undefined ? null : snowflakeOrNull(event.data?.[field]);
  const actorId = snowflakeOrNull(event.actorId);
  mention(actorId);
  mention(subjectId);
  return [
    {
      id: `event:${event.key.replace(/[^0-9A-Za-z_.:-]/g, '_').slice(0, 110)}`,
      authorId: actorId,
      createdAt: event.at,
      editedAt: null,
      content: '',
      reply: null,
      embeds: [],
      attachments: [],
      stickers: [],
      reactions: [],
      system: { kind, subjectId, ...ratingOf(kind, event) },
    },
  ];
}

/** The stars and comment of a `rated` event, as the workflow recorded them; nothing when they do not read as one. */
function ratingOf(kind: SystemKind, event: TicketEvent): Pick<NonNullable<TranscriptMessage['system']>, 'rating'> {
  const stars = event.data?.stars;
  if (kind !== 'rated' || typeof stars !== 'number' || !Number.isInteger(stars) || stars < 1 || stars > 5) return {};
  const comment = event.data?.comment;
  return { rating: { stars, comment: typeof comment === 'string' && comment.trim() ? comment.trim() : null } };
}

function canonicalEmbed(
  embed: SourceEmbed,
  saved: (url: string | null | undefined) => { key: string | null; unsaved: UnsavedReason | null },
): TranscriptEmbed {
  return {
    title: embed.title ?? null,
    url: embed.url ?? null,
    description: embed.description ?? null,
    color: embed.color ?? null,
    author: embed.author
      ? { name: embed.author.name, url: embed.author.url ?? null, iconKey: saved(embed.author.iconUrl).key }
      : null,
    fields: (embed.fields ?? []).map((field) => ({
      name: field.name,
      value: field.value,
      inline: field.inline === true,
    })),
    footer: embed.footer ? { text: embed.footer.text, iconKey: saved(embed.footer.iconUrl).key } : null,
    timestamp: embed.timestamp ?? null,
    image: embed.imageUrl ? saved(embed.imageUrl) : null,
    thumbnail: embed.thumbnailUrl ? saved(embed.thumbnailUrl) : null,
  };
}

function snapshotUsers(
  source: TranscriptSource,
  messages: TranscriptSourceMessage[],
  ids: ReadonlySet<string>,
  keyOf: (url: string | null | undefined) => string | null,
): TranscriptUser[] {
  const known = new Map(source.users.map((user) => [user.id, user]));
  // Authors the directory lacks (they left the guild) keep the name stored with their latest message.
  const fallback = new Map<string, { name: string; bot: boolean }>();
  fallback.set(source.ticket.creatorId, { name: source.ticket.creatorName, bot: false });
  for (const message of messages)
    fallback.set(message.authorId, { name: message.authorName, bot: message.authorIsBot });
  const users: TranscriptUser[] = [];
  for (const id of ids) {
    const user = known.get(id);
    if (user) {
      users.push({ id, name: user.name, avatarKey: keyOf(user.avatarUrl), roleColor: user.roleColor, bot: user.bot });
      continue;
    }
    const stored = fallback.get(id);
    if (stored) users.push({ id, name: stored.name, avatarKey: null, roleColor: null, bot: stored.bot });
  }
  return users;
}
