/**
 * One message to HTML. Consecutive messages by one author within seven minutes share a group (one avatar and
 * name), as in Discord; replies and system entries always start their own.
 */

import { escapeHtml } from './escape.ts';
import { renderAttachment, renderSticker } from './html-attachments.ts';
import { renderEmbed } from './html-embed.ts';
import { renderMarkdown } from './markdown.ts';
import { renderInline } from './markdown-inline.ts';
import { customEmoji } from './markdown-tags.ts';
import { type RenderContext, UNKNOWN_USER_CLASS } from './render-context.ts';
import type { SystemKind, TranscriptMessage, TranscriptReaction } from './schema.ts';
import { isoSeconds } from './time-format.ts';

const GROUP_WINDOW_MS = 7 * 60_000;

/** Where the previous message left the page. */
export interface GroupState {
  open: boolean;
  authorId: string | null;
  lastAt: number;
}

export function newGroupState(): GroupState {
  return { open: false, authorId: null, lastAt: 0 };
}

/** Closes a group left open by the last message. */
export function closeGroup(state: GroupState): string {
  if (!state.open) return '';
  state.open = false;
  return '</article>';
}

export function userName(ctx: RenderContext, id: string | null): string {
  if (id === null) return 'Ticketflow';
  return ctx.users.get(id)?.name ?? 'Unknown user';
}

function userClass(ctx: RenderContext, id: string | null): string {
  return (id === null ? undefined : ctx.userClass.get(id)) ?? UNKNOWN_USER_CLASS;
}

type System = NonNullable<TranscriptMessage['system']>;

const SYSTEM_TEXT: Record<SystemKind, (actor: string, subject: string, system: System) => string> = {
  opened: (actor) => `${actor} opened the ticket.`,
  assigned: (actor, subject) => `${actor} assigned the ticket to ${subject}.`,
  unassigned: (actor) => `${actor} unassigned the ticket.`,
  member_added: (actor, subject) => `${actor} added ${subject} to the ticket.`,
  timer_paused: (actor) => `${actor} paused the inactivity timer.`,
  timer_resumed: (actor) => `${actor} resumed the inactivity timer.`,
  timer_disabled: (actor) => `${actor} turned the inactivity timer off.`,
  reminder_sent: () => 'A reminder was sent to staff.',
  warning_sent: () => 'An inactivity warning was sent.',
  closed: (actor) => `${actor} closed the ticket.`,
  reopened: (actor) => `${actor} reopened the ticket.`,
  rated: (actor, _subject, system) => `${actor} rated the ticket${ratingWords(system.rating)}.`,
};

/** Stars as a member sees them in Discord, the number for readers that do not, and the comment quoted. */
function ratingWords(rating: System['rating']): string {
  if (!rating) return '';
  const stars = `${'★'.repeat(rating.stars)}${'☆'.repeat(5 - rating.stars)}`;
  const comment = rating.comment ? `: “${escapeHtml(rating.comment)}”` : '';
  return ` ${stars} (${rating.stars} of 5)${comment}`;
}

function systemEntry(message: TranscriptMessage, system: System, ctx: RenderContext): string {
  const actor = `<strong>${escapeHtml(userName(ctx, message.authorId))}</strong>`;
  const subject = `<strong>${escapeHtml(userName(ctx, system.subjectId))}</strong>`;
  const text =
    system.kind === 'closed' && message.authorId === null
      ? 'The ticket was closed for inactivity.'
      : SYSTEM_TEXT[system.kind](actor, subject, system);
  const at = message.createdAt;
  return `<div class="sys" id="m-${escapeHtml(message.id)}">${text} <time datetime="${isoSeconds(at)}">${escapeHtml(ctx.time.messageStamp(at))}</time></div>`;
}

function reply(message: TranscriptMessage, ctx: RenderContext): string {
  const ref = message.reply;
  if (ref === null) return '';
  if (ref.authorId === null) return '<div class="rp gone">Original message was deleted</div>';
  const excerpt =
    ref.excerpt === null || ref.excerpt === ''
      ? '<em>Click to see attachment</em>'
      : renderInline(ref.excerpt, 0, ref.excerpt.length, ctx, { links: false });
  return `<a class="rp" href="#m-${escapeHtml(ref.messageId)}"><span class="rpa ${userClass(ctx, ref.authorId)}">@${escapeHtml(userName(ctx, ref.authorId))}</span> ${excerpt}</a>`;
}

function reaction(item: TranscriptReaction, ctx: RenderContext): string {
  const emoji = item.emoji.id === null ? escapeHtml(item.emoji.name) : customEmoji(ctx, item.emoji.id, item.emoji.name);
  return `<span class="r">${emoji} ${item.count}</span>`;
}

export function renderMessage(message: TranscriptMessage, ctx: RenderContext, state: GroupState): string {
  if (message.system !== null) {
    const html = closeGroup(state) + systemEntry(message, message.system, ctx);
    state.authorId = null;
    return html;
  }
  let html = '';
  const at = message.createdAt;
  const continues =
    state.open && message.reply === null && state.authorId === message.authorId && at - state.lastAt <= GROUP_WINDOW_MS;
  if (continues) {
    html += `<div class="m" id="m-${escapeHtml(message.id)}"><span class="st">${escapeHtml(ctx.time.shortTime(at))}</span>`;
  } else {
    html += closeGroup(state);
    const user = message.authorId === null ? undefined : ctx.users.get(message.authorId);
    const bot = user?.bot ? '<span class="bt">BOT</span>' : '';
    // The avatar and the name's colour come from the user's class in the stylesheet.
    html += `<article class="g ${userClass(ctx, message.authorId)}">${reply(message, ctx)}<i class="av"></i><h3><span class="au">${escapeHtml(userName(ctx, message.authorId))}</span>${bot}<time>${escapeHtml(ctx.time.messageStamp(at))}</time></h3><div class="m" id="m-${escapeHtml(message.id)}">`;
    state.open = true;
    state.authorId = message.authorId;
  }
  state.lastAt = at;
  if (message.content !== '') html += renderMarkdown(message.content, ctx);
  if (message.editedAt !== null) {
    html += ` <span class="edt" title="${escapeHtml(ctx.time.full(message.editedAt))}">(edited)</span>`;
  }
  if (message.deletedAt !== undefined) {
    html += ` <span class="edt" title="${escapeHtml(ctx.time.full(message.deletedAt))}">(deleted)</span>`;
  }
  for (const attachment of message.attachments) html += renderAttachment(attachment, ctx);
  for (const embed of message.embeds) html += renderEmbed(embed, ctx);
  for (const sticker of message.stickers) html += renderSticker(sticker, ctx);
  if (message.reactions.length > 0) {
    html += '<div class="rx">';
    for (const item of message.reactions) html += reaction(item, ctx);
    html += '</div>';
  }
  return `${html}</div>`;
}
