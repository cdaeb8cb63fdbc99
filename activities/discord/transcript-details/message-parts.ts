import {
  type APIEmbed,
  type APIMessage,
  type APIReaction,
  type APIStickerItem,
  MessageReferenceType,
  MessageType,
  StickerFormatType,
} from 'discord-api-types/v10';
import type { StickerFormat } from '../../../transcripts/schema.ts';
import type {
  SourceEmbed,
  SourceReaction,
  SourceSticker,
  TranscriptSourceMessage,
} from '../../../transcripts/transcript-source.ts';
import { userDisplayName } from './member-profile.ts';

/**
 * Message types that are conversation: what people and bots wrote (including replies and command answers).
 * The others are Discord's own notes ("added X to the thread", "renamed the thread", "pinned a message"), which
 * the ticket's event log already tells in its own words.
 */
const CONVERSATION_TYPES = new Set<MessageType>([
  MessageType.Default,
  MessageType.Reply,
  MessageType.ChatInputCommand,
  MessageType.ContextMenuCommand,
]);

export function isConversation(message: APIMessage): boolean {
  return CONVERSATION_TYPES.has(message.type);
}

const STICKER_FORMATS: Record<StickerFormatType, StickerFormat> = {
  [StickerFormatType.PNG]: 'png',
  [StickerFormatType.APNG]: 'apng',
  [StickerFormatType.Lottie]: 'lottie',
  [StickerFormatType.GIF]: 'gif',
};

/** A message as Discord serves it now, in the transcript source's terms; links are fresh for about a day. */
export function sourceMessageOf(message: APIMessage): TranscriptSourceMessage {
  const reference = message.message_reference;
  const isReply =
    message.type === MessageType.Reply &&
    reference?.message_id !== undefined &&
    (reference.type ?? MessageReferenceType.Default) === MessageReferenceType.Default;
  return {
    id: message.id,
    authorId: message.author.id,
    authorName: userDisplayName(message.author),
    authorIsBot: message.author.bot === true,
    content: message.content,
    // `url` (cdn.discordapp.com) serves every file as uploaded; the media proxy serves only images and video.
    attachments: message.attachments.map((attachment) => ({
      id: attachment.id,
      filename: attachment.filename,
      size: attachment.size,
      contentType: attachment.content_type ?? null,
      url: attachment.url,
    })),
    createdAt: Date.parse(message.timestamp),
    editedAt: message.edited_timestamp ? Date.parse(message.edited_timestamp) : null,
    replyToId: isReply ? (reference?.message_id ?? null) : null,
    embeds: message.embeds.flatMap(sourceEmbedOf),
    stickers: (message.sticker_items ?? []).map(sourceStickerOf),
    reactions: (message.reactions ?? []).flatMap(sourceReactionOf),
  };
}

/**
 * An embed's text and media. Images come through Discord's media proxy (media.discordapp.net), the only way to
 * save an image that lives on another site; an embed with nothing a transcript can show is left out.
 */
function sourceEmbedOf(embed: APIEmbed): SourceEmbed[] {
  const image = embed.image?.proxy_url ?? embed.image?.url ?? null;
  const thumbnail = embed.thumbnail?.proxy_url ?? embed.thumbnail?.url ?? null;
  const timestamp = embed.timestamp ? Date.parse(embed.timestamp) : Number.NaN;
  const source: SourceEmbed = {
    title: embed.title ?? null,
    url: embed.url ?? null,
    description: embed.description ?? null,
    color: embed.color ?? null,
    author: embed.author
      ? {
          name: embed.author.name,
          url: embed.author.url ?? null,
          iconUrl: embed.author.proxy_icon_url ?? embed.author.icon_url ?? null,
        }
      : null,
    fields: (embed.fields ?? []).map((field) => ({ name: field.name, value: field.value, inline: field.inline })),
    footer: embed.footer
      ? { text: embed.footer.text, iconUrl: embed.footer.proxy_icon_url ?? embed.footer.icon_url ?? null }
      : null,
    timestamp: Number.isFinite(timestamp) ? timestamp : null,
    imageUrl: image,
    thumbnailUrl: thumbnail,
  };
  const shows =
    source.title || source.description || source.author || source.footer || image || thumbnail || source.fields?.length;
  return shows ? [source] : [];
}

function sourceStickerOf(sticker: APIStickerItem): SourceSticker {
  return { id: sticker.id, name: sticker.name, format: STICKER_FORMATS[sticker.format_type] ?? 'png' };
}

/** A custom emoji whose name Discord no longer knows (it was deleted) keeps a placeholder name. */
function sourceReactionOf(reaction: APIReaction): SourceReaction[] {
  if (reaction.count < 1) return [];
  const { id, name, animated } = reaction.emoji;
  if (id === null && !name) return [];
  return [{ emoji: { id, name: name || 'emoji', animated: animated === true }, count: reaction.count }];
}
