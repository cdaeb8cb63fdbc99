/**
 * One message to HTML. Consecutive messages by one author within seven minutes share a group (one avatar and
 * name), as in Discord; replies and system entries always start their own.
 */

import type { Translate } from '../i18n/translate.ts';
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
  return ctx.users.get(id)?.name ?? ctx.t('transcript.unknownUser');
}

function userClass(ctx: RenderContext, id: string | null): string {
  return (id === null ? undefined : ctx.userClass.get(id)) ?? UNKNOWN_USER_CLASS;
}

type System = NonNullable<TranscriptMessage['system']>;

/** Each event's line; `actor` and `subject` are HTML already, so every value passed in is escaped. */
const SYSTEM_TEXT: Record<SystemKind, (t: Translate, actor: string, subject: string, system: System) => string> = {
  opened: (t, actor) => t('transcript.systemOpened', { actor }),
  assigned: (t, actor, subject) => t('transcript.systemAssigned', { actor, subject }),
  unassigned: (t, actor) => t('transcript.systemUnassigned', { actor }),
  member_added: (t, actor, subject) => t('transcript.systemMemberAdded', { actor, subject }),
  timer_paused: (t, actor) => t('transcript.systemTimerPaused', { actor }),
  timer_resumed: (t, actor) => t('transcript.systemTimerResumed', { actor }),
  timer_disabled: (t, actor) => t('transcript.systemTimerDisabled', { actor }),
  reminder_sent: (t) => t('transcript.systemReminderSent'),
  warning_sent: (t) => t('transcript.systemWarningSent'),
  closed: (t, actor) => t('transcript.systemClosed', { actor }),
  reopened: (t, actor) => t('transcript.systemReopened', { actor }),
  rated: (t, actor, _subject, system) => ratingLine(t, actor, system.rating),
};

/** Stars as a member sees them in Discord, the number for readers that do not, and the comment quoted. */
function ratingLine(t: Translate, actor: string, rating: System['rating']): string {
  if (!rating) return t('transcript.systemRated', { actor });
  const stars = `${'★'.repeat(rating.stars)}${'☆'.repeat(5 - rating.stars)}`;
  const values = { actor, stars, count: rating.stars };
  return rating.comment
    ? t('transcript.systemRatedStarsComment', { ...values, comment: escapeHtml(rating.comment) })
    : t('transcript.systemRatedStars', values);
}

function systemEntry(message: TranscriptMessage, system: System, ctx: RenderContext): string {
  const actor = `<strong>${escapeHtml(userName(ctx, message.authorId))}</strong>`;
  const subject = `<strong>${escapeHtml(userName(ctx, system.subjectId))}</strong>`;
  const text =
    system.kind === 'closed' && message.authorId === null
      ? ctx.t('transcript.systemClosedForInactivity')
      : SYSTEM_TEXT[system.kind](ctx.t, actor, subject, system);
  const at = message.createdAt;
  return `<div class="sys" id="m-${escapeHtml(message.id)}">${text} <time datetime="${isoSeconds(at)}">${escapeHtml(ctx.time.messageStamp(at))}</time></div>`;
}

function reply(message: TranscriptMessage, ctx: RenderContext): string {
  const ref = message.reply;
  if (ref === null) return '';
  if (ref.authorId === null) return `<div class="rp gone">${escapeHtml(ctx.t('transcript.replyDeleted'))}</div>`;
  const excerpt =
    ref.excerpt === null || ref.excerpt === ''
      ? `<em>${escapeHtml(ctx.t('transcript.replyAttachment'))}</em>`
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
    const bot = user?.bot ? `<span class="bt">${escapeHtml(ctx.t('transcript.bot'))}</span>` : '';
    // The avatar and the name's colour come from the user's class in the stylesheet.
    html += `<article class="g ${userClass(ctx, message.authorId)}">${reply(message, ctx)}<i class="av"></i><h3><span class="au">${escapeHtml(userName(ctx, message.authorId))}</span>${bot}<time>${escapeHtml(ctx.time.messageStamp(at))}</time></h3><div class="m" id="m-${escapeHtml(message.id)}">`;
    state.open = true;
    state.authorId = message.authorId;
  }
  state.lastAt = at;
  if (message.content !== '') html += renderMarkdown(message.content, ctx);
  if (message.editedAt !== null) {
    html += ` <span class="edt" title="${escapeHtml(ctx.time.full(message.editedAt))}">${escapeHtml(ctx.t('transcript.edited'))}</span>`;
  }
  if (message.deletedAt !== undefined) {
    html += ` <span class="edt" title="${escapeHtml(ctx.time.full(message.deletedAt))}">${escapeHtml(ctx.t('transcript.deleted'))}</span>`;
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
