/** Attachment cards and stickers: saved images inline, other saved files as links, the rest as named placeholders. */
import { escapeHtml } from './escape.ts';
import type { RenderContext } from './render-context.ts';
import type { TranscriptAttachment, TranscriptSticker, UnsavedReason } from './schema.ts';

/** Shown inline; anything else (SVG included) is a link, never an <img>. */
const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

const UNSAVED_TEXT: Record<UnsavedReason, string> = {
  too_large: 'Not saved: larger than the per-file limit',
  ticket_cap: 'Not saved: the ticket reached its storage limit',
  fetch_failed: 'Not saved: the download failed',
  host_not_allowed: 'Not saved: not hosted by Discord',
  not_copied: 'Not saved',
};

export function unsavedText(reason: UnsavedReason | null): string {
  return reason === null ? 'Saved copy not available here' : UNSAVED_TEXT[reason];
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

function resolve(ctx: RenderContext, key: string | null): string | null {
  return key === null ? null : ctx.media.url(key);
}

export function renderAttachment(attachment: TranscriptAttachment, ctx: RenderContext): string {
  const name = escapeHtml(attachment.name);
  const url = resolve(ctx, attachment.key);
  const type = attachment.contentType === null ? '' : ` · ${escapeHtml(attachment.contentType)}`;
  const details = `${formatBytes(attachment.size)}${type}`;
  if (url === null) {
    return `<div class="at miss"><span class="ai"></span><div><div class="an">${name}</div><div class="as">${details} · ${unsavedText(attachment.unsaved)}</div></div></div>`;
  }
  const href = escapeHtml(url);
  if (attachment.contentType !== null && INLINE_IMAGE_TYPES.has(attachment.contentType)) {
    return `<figure class="at im"><a href="${href}"><img src="${href}" alt="${name}" loading="lazy"></a><figcaption>${name} · ${details}</figcaption></figure>`;
  }
  return `<div class="at"><span class="ai"></span><div><a class="an" href="${href}">${name}</a><div class="as">${details}</div></div></div>`;
}

export function renderSticker(sticker: TranscriptSticker, ctx: RenderContext): string {
  const name = escapeHtml(sticker.name);
  const url = sticker.format === 'lottie' ? null : resolve(ctx, sticker.key);
  if (url === null) return `<div class="stk miss">Sticker: ${name}</div>`;
  return `<img class="stk" src="${escapeHtml(url)}" alt="Sticker: ${name}" title="${name}" loading="lazy">`;
}
