/**
 * The `<...>` constructs of Discord markdown (user, role and channel mentions, custom emoji, timestamps,
 * command mentions, links that suppress embeds) and `@everyone`/`@here`, resolved against the snapshot.
 */
import { escapeHtml } from './escape.ts';
import { AT, COLON, HASH, isWordChar, LOWER_A, LOWER_H, LOWER_T, type Scan, SLASH } from './markdown-chars.ts';
import type { RenderContext } from './render-context.ts';
import { safeHttpUrl } from './safe-url.ts';
import { isoSeconds, MAX_EPOCH_MS, type TimestampStyle } from './time-format.ts';

const USER_MENTION = /<@!?(\d{17,20})>/y;
const ROLE_MENTION = /<@&(\d{17,20})>/y;
const CHANNEL_MENTION = /<#(\d{17,20})>/y;
const CUSTOM_EMOJI = /<(a?):([A-Za-z0-9_]{2,32}):(\d{17,20})>/y;
const TIMESTAMP = /<t:(-?\d{1,17})(?::([tTdDfFR]))?>/y;
const COMMAND_MENTION = /<\/([-_\p{L}\p{N}]{1,32}(?: [-_\p{L}\p{N}]{1,32}){0,2}):(\d{17,20})>/uy;
const ANGLE_URL = /<(https?:\/\/[^\s<>]+)>/y;

function sticky(pattern: RegExp, src: string, at: number, end: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  const match = pattern.exec(src);
  return match !== null && pattern.lastIndex <= end ? match : null;
}

/** `<@user>`, `<@&role>`, `<#channel>`, `<:emoji:id>`, `<t:unix:style>`, `</command:id>`, `<https://...>`. */
export function angle(scan: Scan, i: number, end: number, links: boolean): string | null {
  const { src, ctx } = scan;
  switch (src.charCodeAt(i + 1)) {
    case AT: {
      const user = sticky(USER_MENTION, src, i, end);
      if (user !== null) {
        scan.next = USER_MENTION.lastIndex;
        return `<span class="mn">@${escapeHtml(ctx.users.get(user[1] as string)?.name ?? 'unknown-user')}</span>`;
      }
      const match = sticky(ROLE_MENTION, src, i, end);
      if (match === null) return null;
      scan.next = ROLE_MENTION.lastIndex;
      const role = ctx.roles.get(match[1] as string);
      if (!role) return '<span class="mn">@deleted-role</span>';
      return `<span class="mn ${ctx.roleClass.get(role.id)}">@${escapeHtml(role.name)}</span>`;
    }
    case HASH: {
      const match = sticky(CHANNEL_MENTION, src, i, end);
      if (match === null) return null;
      scan.next = CHANNEL_MENTION.lastIndex;
      return `<span class="mn">#${escapeHtml(ctx.channels.get(match[1] as string)?.name ?? 'unknown')}</span>`;
    }
    case COLON:
    case LOWER_A: {
      const match = sticky(CUSTOM_EMOJI, src, i, end);
      if (match === null) return null;
      scan.next = CUSTOM_EMOJI.lastIndex;
      return customEmoji(ctx, match[3] as string, match[2] as string);
    }
    case LOWER_T: {
      const match = sticky(TIMESTAMP, src, i, end);
      if (match === null) return null;
      const ms = Number(match[1]) * 1000;
      if (!(Math.abs(ms) <= MAX_EPOCH_MS)) return null;
      scan.next = TIMESTAMP.lastIndex;
      return timestamp(ctx, ms, (match[2] ?? 'f') as TimestampStyle);
    }
    case SLASH: {
      const match = sticky(COMMAND_MENTION, src, i, end);
      if (match === null) return null;
      scan.next = COMMAND_MENTION.lastIndex;
      return `<span class="mn">/${escapeHtml(match[1] as string)}</span>`;
    }
    case LOWER_H: {
      const match = links ? sticky(ANGLE_URL, src, i, end) : null;
      const url = match === null ? null : safeHttpUrl(match[1] as string);
      if (match === null || url === null) return null;
      scan.next = ANGLE_URL.lastIndex;
      return `<a href="${escapeHtml(url)}">${escapeHtml(match[1] as string)}</a>`;
    }
    default:
      return null;
  }
}

export function customEmoji(ctx: RenderContext, id: string, name: string): string {
  const emoji = ctx.emojis.get(id);
  const url = emoji?.key ? ctx.media.url(emoji.key) : null;
  const label = escapeHtml(`:${name}:`);
  if (url === null) return `<span class="emt">${label}</span>`;
  return `<img class="emj" src="${escapeHtml(url)}" alt="${label}">`;
}

export function timestamp(ctx: RenderContext, ms: number, style: TimestampStyle): string {
  // The long styles already say everything the title would.
  const title = style === 'f' || style === 'F' ? '' : ` title="${escapeHtml(ctx.time.full(ms))}"`;
  return `<time class="ts" datetime="${isoSeconds(ms)}"${title}>${escapeHtml(ctx.time.style(ms, style))}</time>`;
}

export function everyone(scan: Scan, i: number): string | null {
  const { src } = scan;
  for (const word of ['everyone', 'here']) {
    if (src.startsWith(word, i + 1) && !isWordChar(src.charCodeAt(i + 1 + word.length))) {
      scan.next = i + 1 + word.length;
      return `<span class="mn">@${word}</span>`;
    }
  }
  return null;
}
