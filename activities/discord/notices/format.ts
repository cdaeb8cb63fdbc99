import type { APIActionRowComponent, APIAllowedMentions, APIButtonComponent, APIEmbed } from 'discord-api-types/v10';
import { ticketPagePath } from '../../../domain/panel-paths.ts';
import type { TicketFacts, TicketNotice } from '../../../domain/ticket.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { type Translate, translator } from '../../../i18n/translate.ts';

export type NoticeOf<Kind extends TicketNotice['kind']> = Extract<TicketNotice, { kind: Kind }>;

/** One notice, ready for Create Message (the activity adds the nonce). */
export interface NoticeMessage {
  content?: string;
  embeds: [APIEmbed];
  components?: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: APIAllowedMentions;
}

/** Deployment settings a notice shows, passed in so that rendering never reads the environment itself. */
export interface NoticeSettings {
  /** The web panel's base URL without a trailing slash (PUBLIC_URL), when there is one. */
  publicUrl?: string;
}

/** The words of a notice: the guild's language as the ticket holds it, English for tickets from before languages. */
export function noticeWords(notice: { ticket: Pick<TicketFacts, 'language'>; language?: string }): Translate {
  return translator(resolveLocale(notice.language ?? notice.ticket.language));
}

/** A line linking the ticket's page in the panel, or nothing when there is no panel. */
export function ticketPageLine(
  t: Translate,
  settings: NoticeSettings,
  ticket: Pick<TicketFacts, 'guildId' | 'number'>,
): string {
  return settings.publicUrl
    ? `\n${t('notices.panelLink', { url: `${settings.publicUrl}${ticketPagePath(ticket.guildId, ticket.number)}` })}`
    : '';
}

export const NOTICE_COLORS = {
  open: 0x5865f2,
  info: 0x4f545c,
  warning: 0xfee75c,
  closed: 0xed4245,
} as const;

export const userMention = (userId: string) => `<@${userId}>`;
export const roleMention = (roleId: string) => `<@&${roleId}>`;
export const channelMention = (channelId: string) => `<#${channelId}>`;

/**
 * Discord renders `<t:seconds:style>` in each reader's time zone: f = date and time, F = with the weekday,
 * R = relative.
 */
export function discordTime(ms: number, style: 'f' | 'F' | 'R'): string {
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/**
 * Pings exactly these users and roles, nothing else: no @everyone, no @here, and no one named in
 * user-written text. Without allowed_mentions Discord pings everything a channel message mentions.
 */
export function pingOnly(ping: { users?: (string | null)[]; roles?: (string | null)[] } = {}): APIAllowedMentions {
  const unique = (ids: (string | null)[] = []) => [...new Set(ids.filter((id): id is string => id !== null))];
  return { parse: [], users: unique(ping.users), roles: unique(ping.roles) };
}
