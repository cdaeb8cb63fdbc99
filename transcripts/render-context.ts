/** What rendering needs besides the text itself: the snapshot's names, the media resolver, the clock. */
import type { MediaResolver } from './media-resolver.ts';
import type { TranscriptChannel, TranscriptEmoji, TranscriptHeader, TranscriptRole, TranscriptUser } from './schema.ts';
import { createTimeFormatter, type TimeFormatter } from './time-format.ts';

export interface RenderContext {
  users: ReadonlyMap<string, TranscriptUser>;
  roles: ReadonlyMap<string, TranscriptRole>;
  channels: ReadonlyMap<string, TranscriptChannel>;
  emojis: ReadonlyMap<string, TranscriptEmoji>;
  media: MediaResolver;
  time: TimeFormatter;
  /** CSS class per user (`u0`, `u1`, ...) and role (`r0`, ...): colours and avatars live in the stylesheet once. */
  userClass: ReadonlyMap<string, string>;
  roleClass: ReadonlyMap<string, string>;
}

/** The class of authors missing from the snapshot. */
export const UNKNOWN_USER_CLASS = 'ux';

export interface RenderOptions {
  media: MediaResolver;
  /** IANA zone the times are shown in; UTC by default. */
  timeZone?: string;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function createRenderContext(header: TranscriptHeader, options: RenderOptions): RenderContext {
  return {
    users: byId(header.users),
    roles: byId(header.roles),
    channels: byId(header.channels),
    emojis: byId(header.emojis),
    media: options.media,
    time: createTimeFormatter({ timeZone: options.timeZone, relativeTo: header.ticket.closedAt }),
    userClass: new Map(header.users.map((user, index) => [user.id, `u${index}`])),
    roleClass: new Map(header.roles.map((role, index) => [role.id, `r${index}`])),
  };
}
