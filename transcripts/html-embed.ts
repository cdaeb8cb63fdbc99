/** Rich embeds: author, title, description, fields, image, thumbnail, footer. Every URL is hostile until checked. */

import { hexColour } from './colour.ts';
import { escapeHtml } from './escape.ts';
import { unsavedText } from './html-attachments.ts';
import { renderMarkdown, renderMarkdownLine } from './markdown.ts';
import { timestamp } from './markdown-tags.ts';
import type { RenderContext } from './render-context.ts';
import { safeHttpUrl } from './safe-url.ts';
import type { TranscriptEmbed } from './schema.ts';

function linkOrText(url: string | null, html: string, className: string): string {
  const safe = url === null ? null : safeHttpUrl(url);
  return safe === null
    ? `<span class="${className}">${html}</span>`
    : `<a class="${className}" href="${escapeHtml(safe)}">${html}</a>`;
}

function icon(ctx: RenderContext, key: string | null): string {
  const url = key === null ? null : ctx.media.url(key);
  return url === null ? '' : `<img class="eic" src="${escapeHtml(url)}" alt="">`;
}

function picture(ctx: RenderContext, media: TranscriptEmbed['image'], className: string): string {
  if (media === null) return '';
  const url = media.key === null ? null : ctx.media.url(media.key);
  if (url === null) return `<div class="${className} miss">Image · ${unsavedText(media.unsaved)}</div>`;
  return `<img class="${className}" src="${escapeHtml(url)}" alt="" loading="lazy">`;
}

export function renderEmbed(embed: TranscriptEmbed, ctx: RenderContext): string {
  const style = embed.color === null ? '' : ` style="--ec:${hexColour(embed.color)}"`;
  let body = '';
  if (embed.author !== null) {
    body += `<div class="ea">${icon(ctx, embed.author.iconKey)}${linkOrText(embed.author.url, escapeHtml(embed.author.name), 'ean')}</div>`;
  }
  if (embed.title !== null)
    body += `<div class="et">${linkOrText(embed.url, renderMarkdownLine(embed.title, ctx), 'etl')}</div>`;
  if (embed.description !== null) body += `<div class="ed">${renderMarkdown(embed.description, ctx)}</div>`;
  if (embed.fields.length > 0) {
    body += '<div class="ef">';
    for (const field of embed.fields) {
      body += `<div class="${field.inline ? 'fi' : 'fl'}"><div class="fn">${renderMarkdownLine(field.name, ctx)}</div><div class="fv">${renderMarkdown(field.value, ctx)}</div></div>`;
    }
    body += '</div>';
  }
  body += picture(ctx, embed.image, 'eim');
  if (embed.footer !== null || embed.timestamp !== null) {
    const parts: string[] = [];
    if (embed.footer !== null) parts.push(escapeHtml(embed.footer.text));
    if (embed.timestamp !== null) parts.push(timestamp(ctx, embed.timestamp, 'f'));
    body += `<div class="eft">${embed.footer === null ? '' : icon(ctx, embed.footer.iconKey)}${parts.join(' · ')}</div>`;
  }
  const thumbnail = picture(ctx, embed.thumbnail, 'eth');
  return `<div class="em"${style}><div class="eb">${body}</div>${thumbnail}</div>`;
}
