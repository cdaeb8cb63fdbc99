/**
 * The canonical transcript: what is stored when a ticket closes, and the only input of the HTML renderer,
 * so a better renderer can re-render every old ticket. Stored as JSON Lines: one header line (everything
 * but the messages), then one line per message, so it can be written and read in bounded memory.
 * Bump TRANSCRIPT_VERSION and keep a reader for the old shape when the shape changes.
 */
import { z } from 'zod';
import { snowflake } from '../domain/snowflake.ts';
import { MEDIA_KEY_PATTERN } from './keys.ts';

export const TRANSCRIPT_FORMAT = 'ticketflow.transcript';
export const TRANSCRIPT_VERSION = 1;

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const colour = z.number().int().min(0).max(0xffffff);
const text = (max: number) => z.string().max(max);
/** Messages get ids from Discord; system entries get `event:` plus the ticket event's key. */
const messageId = z.string().regex(/^[0-9A-Za-z_.:-]{1,120}$/, 'must be 1 to 120 letters, digits or _.:-');
const storedKey = z.string().regex(MEDIA_KEY_PATTERN, 'must be a media key').nullable();

/** Why a file is not in storage; the renderer shows a named placeholder instead. */
export const unsavedReasonSchema = z.enum([
  /** Bigger than the per-file cap. */
  'too_large',
  /** Saving it would pass the per-ticket cap. */
  'ticket_cap',
  /** The download failed or was refused. */
  'fetch_failed',
  /** Its URL is on a host media is not copied from. */
  'host_not_allowed',
  /** Media copy-in was not run for this transcript. */
  'not_copied',
]);
export type UnsavedReason = z.infer<typeof unsavedReasonSchema>;

const savedMedia = { key: storedKey, unsaved: unsavedReasonSchema.nullable() };

export const transcriptUserSchema = z.object({
  id: snowflake,
  name: text(200),
  avatarKey: storedKey,
  /** The colour of the member's highest coloured role, null when none. */
  roleColor: colour.nullable(),
  bot: z.boolean(),
});

export const transcriptRoleSchema = z.object({ id: snowflake, name: text(200), color: colour.nullable() });
export const transcriptChannelSchema = z.object({ id: snowflake, name: text(200) });
export const transcriptEmojiSchema = z.object({ id: snowflake, name: text(64), animated: z.boolean(), key: storedKey });

export const transcriptTicketSchema = z.object({
  guildId: snowflake,
  guildName: text(200),
  number: z.number().int().min(1),
  typeName: text(200),
  creatorId: snowflake,
  assigneeId: snowflake.nullable(),
  threadId: snowflake.nullable(),
  openedAt: epochMs,
  closedAt: epochMs,
  closeReason: text(4000).nullable(),
  closedById: snowflake.nullable(),
  /** true when the inactivity timer closed it. */
  automaticClose: z.boolean(),
  answers: z.array(z.object({ question: text(200), answer: text(4000) })).max(25),
});

export const transcriptAttachmentSchema = z.object({
  id: snowflake,
  name: text(1024),
  size: z.number().int().min(0),
  contentType: text(255).nullable(),
  ...savedMedia,
});

export const transcriptEmbedSchema = z.object({
  title: text(512).nullable(),
  /** As Discord gave it; the renderer links only http(s). */
  url: text(4096).nullable(),
  description: text(8192).nullable(),
  color: colour.nullable(),
  author: z.object({ name: text(512), url: text(4096).nullable(), iconKey: storedKey }).nullable(),
  fields: z.array(z.object({ name: text(512), value: text(2048), inline: z.boolean() })).max(25),
  footer: z.object({ text: text(4096), iconKey: storedKey }).nullable(),
  timestamp: epochMs.nullable(),
  image: z.object(savedMedia).nullable(),
  thumbnail: z.object(savedMedia).nullable(),
});

export const stickerFormatSchema = z.enum(['png', 'apng', 'lottie', 'gif']);

export const transcriptStickerSchema = z.object({
  id: snowflake,
  name: text(64),
  format: stickerFormatSchema,
  ...savedMedia,
});

export const transcriptReactionSchema = z.object({
  /** id null for a Unicode emoji, whose name is the emoji itself. */
  emoji: z.object({ id: snowflake.nullable(), name: text(64), animated: z.boolean() }),
  count: z.number().int().min(1),
});

/** Ticket events shown in the conversation, as Discord shows member joins and pins. */
export const systemKindSchema = z.enum([
  'opened',
  'assigned',
  'unassigned',
  'member_added',
  'timer_paused',
  'timer_resumed',
  'timer_disabled',
  'reminder_sent',
  'warning_sent',
  'closed',
  /** A closed ticket opened again: the entries after it are its next life. */
  'reopened',
  /** The creator's rating of the close before it. */
  'rated',
]);
export type SystemKind = z.infer<typeof systemKindSchema>;

export const transcriptMessageSchema = z.object({
  id: messageId,
  /** For a system entry, the actor (null when the ticket did it by itself). */
  authorId: snowflake.nullable(),
  createdAt: epochMs,
  editedAt: epochMs.nullable(),
  /** Present when the message was deleted on Discord; the content is still what it said, for audits. */
  deletedAt: epochMs.optional(),
  content: text(20_000),
  /** Snapshot of the message replied to, so a reply renders without looking back; null fields when it is gone. */
  reply: z.object({ messageId: messageId, authorId: snowflake.nullable(), excerpt: text(200).nullable() }).nullable(),
  embeds: z.array(transcriptEmbedSchema).max(10),
  attachments: z.array(transcriptAttachmentSchema).max(25),
  stickers: z.array(transcriptStickerSchema).max(3),
  reactions: z.array(transcriptReactionSchema).max(100),
  system: z
    .object({
      kind: systemKindSchema,
      subjectId: snowflake.nullable(),
      /** On a `rated` entry: the stars given and the comment, if any. */
      rating: z.object({ stars: z.number().int().min(1).max(5), comment: text(1000).nullable() }).optional(),
    })
    .nullable(),
});

export const transcriptHeaderSchema = z.object({
  format: z.literal(TRANSCRIPT_FORMAT),
  version: z.literal(TRANSCRIPT_VERSION),
  ticket: transcriptTicketSchema,
  /** Authors and everyone the ticket mentions, as they were at close. */
  users: z.array(transcriptUserSchema),
  roles: z.array(transcriptRoleSchema),
  channels: z.array(transcriptChannelSchema),
  emojis: z.array(transcriptEmojiSchema),
  /** How many entries (lines) follow the header: messages and system entries. */
  entryCount: z.number().int().min(0),
  /** How many of them are messages people or bots wrote. */
  messageCount: z.number().int().min(0),
});

export const transcriptSchema = transcriptHeaderSchema.extend({ messages: z.array(transcriptMessageSchema) });

export type TranscriptHeader = z.infer<typeof transcriptHeaderSchema>;
export type Transcript = z.infer<typeof transcriptSchema>;
export type TranscriptTicket = z.infer<typeof transcriptTicketSchema>;
export type TranscriptUser = z.infer<typeof transcriptUserSchema>;
export type TranscriptRole = z.infer<typeof transcriptRoleSchema>;
export type TranscriptChannel = z.infer<typeof transcriptChannelSchema>;
export type TranscriptEmoji = z.infer<typeof transcriptEmojiSchema>;
export type TranscriptMessage = z.infer<typeof transcriptMessageSchema>;
export type TranscriptAttachment = z.infer<typeof transcriptAttachmentSchema>;
export type TranscriptEmbed = z.infer<typeof transcriptEmbedSchema>;
export type TranscriptSticker = z.infer<typeof transcriptStickerSchema>;
export type TranscriptReaction = z.infer<typeof transcriptReactionSchema>;
export type StickerFormat = z.infer<typeof stickerFormatSchema>;
