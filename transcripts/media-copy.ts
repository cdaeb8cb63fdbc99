/**
 * Copies a ticket's attachments, avatars, emoji, stickers and embed images into storage when it closes,
 * because Discord's attachment links expire within about a day. Only Discord's own hosts are fetched from
 * (a message's embed must not make the server fetch an arbitrary URL), each file and the whole ticket have
 * a size cap, and anything not saved gets a reason the transcript shows in its place.
 */
import type { UnsavedReason } from './schema.ts';
import type { MediaStore } from './storage.ts';
import { customEmojiUrl, type SourceEmbed, stickerUrl, type TranscriptSource } from './transcript-source.ts';

export interface MediaItem {
  url: string;
  /** The size Discord reported, when it did: lets an oversized file be skipped without downloading it. */
  declaredSize: number | null;
  /** Discord's content type, when it gave one. */
  contentType: string | null;
}

export type MediaCopy = { key: string; unsaved: null } | { key: null; unsaved: UnsavedReason };

export interface MediaLimits {
  maxFileBytes: number;
  maxTicketBytes: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = { maxFileBytes: 25 * 1024 * 1024, maxTicketBytes: 250 * 1024 * 1024 };

export const DISCORD_MEDIA_HOSTS: readonly string[] = ['cdn.discordapp.com', 'media.discordapp.net'];

/** Every URL a transcript may want saved, once each: avatars, emoji and stickers first, then message media in order. */
export function collectMedia(source: TranscriptSource): MediaItem[] {
  const items = new Map<string, MediaItem>();
  const add = (
    url: string | null | undefined,
    declaredSize: number | null = null,
    contentType: string | null = null,
  ) => {
    if (url && !items.has(url)) items.set(url, { url, declaredSize, contentType });
  };
  for (const user of source.users) add(user.avatarUrl);
  const emoji = /<(a?):[A-Za-z0-9_]{2,32}:(\d{17,20})>/g;
  for (const message of source.messages) {
    for (const match of message.content.matchAll(emoji)) add(customEmojiUrl(match[2] as string, match[1] === 'a'));
    for (const reaction of message.reactions ?? []) {
      if (reaction.emoji.id !== null) add(customEmojiUrl(reaction.emoji.id, reaction.emoji.animated === true));
    }
    for (const sticker of message.stickers ?? []) add(stickerUrl(sticker));
  }
  for (const message of source.messages) {
    for (const attachment of message.attachments) add(attachment.url, attachment.size, attachment.contentType);
    for (const embed of message.embeds ?? []) for (const url of embedUrls(embed)) add(url);
  }
  return [...items.values()];
}

function embedUrls(embed: SourceEmbed): (string | null | undefined)[] {
  return [embed.author?.iconUrl, embed.imageUrl, embed.thumbnailUrl, embed.footer?.iconUrl];
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/json': 'json',
  'text/plain': 'txt',
};

/** The content type a stored file is served with, from its extension (which only extensionFor chose). */
export function contentTypeOf(extension: string): string {
  return Object.entries(EXTENSIONS).find(([, known]) => known === extension)?.[0] ?? 'application/octet-stream';
}

/** A file's extension in storage, from a known content type only: never from a hostile file name. */
export function extensionFor(contentType: string | null): string {
  if (contentType === null) return 'bin';
  return EXTENSIONS[contentType.split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'bin';
}

export interface CopyMediaOptions {
  transcriptKey: string;
  items: readonly MediaItem[];
  storage: MediaStore;
  fetch: typeof globalThis.fetch;
  limits?: MediaLimits;
  allowedHosts?: readonly string[];
  /** Per file; Discord's CDN answers in well under a second. */
  timeoutMs?: number;
  concurrency?: number;
}

type Download = { body: Uint8Array; contentType: string | null } | { failed: UnsavedReason };

async function download(
  fetcher: typeof globalThis.fetch,
  url: string,
  maxBytes: number,
  overReason: UnsavedReason,
  timeoutMs: number,
): Promise<Download> {
  let response: Response;
  try {
    // Redirects are refused: one could lead off Discord's hosts.
    response = await fetcher(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    return { failed: 'fetch_failed' };
  }
  if (!response.ok || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    return { failed: 'fetch_failed' };
  }
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    return { failed: overReason };
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { failed: overReason };
      }
      parts.push(value);
    }
  } catch {
    return { failed: 'fetch_failed' };
  }
  return { body: Buffer.concat(parts, total), contentType: response.headers.get('content-type') };
}

function hostAllowed(url: string, hosts: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' && hosts.includes(parsed.hostname) && parsed.username === '' && parsed.port === ''
    );
  } catch {
    return false;
  }
}

/**
 * Downloads and stores each item; resolves to what happened to every URL. Never throws for a file that
 * cannot be had: that file gets a reason instead. Storage errors do throw, so a retry can finish the job.
 */
export async function copyMediaIn(options: CopyMediaOptions): Promise<Map<string, MediaCopy>> {
  const limits = options.limits ?? DEFAULT_MEDIA_LIMITS;
  const hosts = options.allowedHosts ?? DISCORD_MEDIA_HOSTS;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const results = new Map<string, MediaCopy>();
  let remaining = limits.maxTicketBytes;
  let next = 0;

  const copyOne = async (item: MediaItem): Promise<MediaCopy> => {
    if (!hostAllowed(item.url, hosts)) return { key: null, unsaved: 'host_not_allowed' };
    const declared = item.declaredSize;
    if (declared !== null && declared > limits.maxFileBytes) return { key: null, unsaved: 'too_large' };
    if (declared !== null ? declared > remaining : remaining <= 0) return { key: null, unsaved: 'ticket_cap' };
    // Reserve room before downloading, so parallel downloads cannot overrun the ticket's cap together.
    const reserved = declared ?? Math.min(limits.maxFileBytes, remaining);
    remaining -= reserved;
    // A body larger than Discord declared is not the file it described.
    const overReason: UnsavedReason =
      declared !== null ? 'fetch_failed' : reserved < limits.maxFileBytes ? 'ticket_cap' : 'too_large';
    const result = await download(options.fetch, item.url, reserved, overReason, timeoutMs);
    remaining += reserved - ('failed' in result ? 0 : result.body.byteLength);
    if ('failed' in result) return { key: null, unsaved: result.failed };
    const key = await options.storage.putMedia(
      options.transcriptKey,
      result.body,
      extensionFor(item.contentType ?? result.contentType),
    );
    return { key, unsaved: null };
  };

  const worker = async () => {
    while (next < options.items.length) {
      const item = options.items[next++] as MediaItem;
      results.set(item.url, await copyOne(item));
    }
  };
  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker);
  await Promise.all(workers);
  return results;
}
