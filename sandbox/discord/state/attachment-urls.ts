import { createHash } from 'node:crypto';
import type { APIAttachment, APIMessage } from 'discord-api-types/v10';

/**
 * Discord's attachment links are signed and expire: `?ex=<expiry>&is=<issued>&hm=<signature>`, both times in
 * hex seconds. Every answer that carries a message signs its links afresh, valid for about a day, which is why a
 * link stored when a message arrived stops working while the API keeps handing out new ones.
 */

export const ATTACHMENT_LINK_LIFETIME_MS = 24 * 3600_000;

export interface AttachmentDraft {
  filename: string;
  /** Bytes; Discord always reports it. */
  size?: number;
  contentType?: string;
  width?: number;
  height?: number;
}

/** An uploaded file as Discord describes it, its links signed at `nowMs`. */
export function newAttachment(id: string, channelId: string, file: AttachmentDraft, nowMs: number): APIAttachment {
  const path = `/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
  return {
    id,
    filename: file.filename,
    size: file.size ?? 0,
    url: signedLink(`https://cdn.discordapp.com${path}`, nowMs),
    proxy_url: signedLink(`https://media.discordapp.net${path}`, nowMs),
    ...(file.contentType === undefined ? {} : { content_type: file.contentType }),
    ...(file.width === undefined ? {} : { width: file.width, height: file.height ?? file.width }),
  };
}

/** The link with a signature issued at `nowMs`, replacing any earlier one. */
export function signedLink(link: string, nowMs: number): string {
  const url = new URL(link);
  const issued = Math.floor(nowMs / 1000);
  const expires = Math.floor((nowMs + ATTACHMENT_LINK_LIFETIME_MS) / 1000);
  url.search = '';
  url.searchParams.set('ex', expires.toString(16));
  url.searchParams.set('is', issued.toString(16));
  url.searchParams.set('hm', createHash('sha256').update(`${url.pathname}:${expires}:${issued}`).digest('hex'));
  return url.toString();
}

/** When a signed link stops working, in epoch ms; null for a link without Discord's signature. */
export function linkExpiry(link: string): number | null {
  const ex = new URL(link).searchParams.get('ex');
  return ex && /^[0-9a-f]+$/i.test(ex) ? Number.parseInt(ex, 16) * 1000 : null;
}

/** The message as an answer at `nowMs` shows it: every attachment link signed anew. */
export function withFreshAttachmentLinks(message: APIMessage, nowMs: number): APIMessage {
  if (message.attachments.length === 0) return message;
  return {
    ...message,
    attachments: message.attachments.map((attachment) => ({
      ...attachment,
      url: signedLink(attachment.url, nowMs),
      proxy_url: signedLink(attachment.proxy_url, nowMs),
    })),
  };
}
