/**
 * What buildTranscript takes: the ticket as the database and Discord know it at close, with Discord's
 * (expiring) URLs still in it. The stored messages are domain TicketMessages plus the parts a transcript shows.
 */
import type { ClosureFacts, TicketAnswer, TicketEvent, TicketFacts, TicketMessage } from '../domain/ticket.ts';
import type { StickerFormat } from './schema.ts';

export interface SourceEmbed {
  title?: string | null;
  url?: string | null;
  description?: string | null;
  color?: number | null;
  author?: { name: string; url?: string | null; iconUrl?: string | null } | null;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string; iconUrl?: string | null } | null;
  /** epoch ms */
  timestamp?: number | null;
  /** Prefer Discord's proxy URL (media.discordapp.net): the copy-in fetches only from Discord's hosts. */
  imageUrl?: string | null;
  thumbnailUrl?: string | null;
}

export interface SourceSticker {
  id: string;
  name: string;
  format: StickerFormat;
}

export interface SourceReaction {
  emoji: { id: string | null; name: string; animated?: boolean };
  count: number;
}

export interface TranscriptSourceMessage extends TicketMessage {
  /** epoch ms; set when the message was deleted on Discord (only Postgres still has it). */
  deletedAt?: number | null;
  replyToId?: string | null;
  embeds?: SourceEmbed[];
  stickers?: SourceSticker[];
  reactions?: SourceReaction[];
}

/** Someone who wrote or is mentioned, as the guild knows them at close. */
export interface SourceUser {
  id: string;
  name: string;
  avatarUrl: string | null;
  roleColor: number | null;
  bot: boolean;
}

export interface TranscriptSource {
  guildName: string;
  ticket: TicketFacts;
  closure: ClosureFacts;
  answers: TicketAnswer[];
  /** Oldest first is not required: entries are ordered by time. */
  messages: TranscriptSourceMessage[];
  /** The ticket's event log; the kinds a reader cares about become system entries. */
  events: TicketEvent[];
  /** Names at close. Authors missing here fall back to the name stored with their message. */
  users: SourceUser[];
  roles: { id: string; name: string; color: number | null }[];
  channels: { id: string; name: string }[];
}

export function customEmojiUrl(id: string, animated: boolean): string {
  return `https://cdn.discordapp.com/emojis/${id}.${animated ? 'gif' : 'png'}`;
}

export function stickerUrl(sticker: SourceSticker): string | null {
  if (sticker.format === 'lottie') return null;
  return `https://media.discordapp.net/stickers/${sticker.id}.${sticker.format === 'gif' ? 'gif' : 'png'}`;
}
