import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { targetInWords } from '../../../i18n/sla-target-words.ts';
import { translator } from '../../../i18n/translate.ts';
import {
  discordTime,
  NOTICE_COLORS,
  type NoticeMessage,
  type NoticeOf,
  type NoticeSettings,
  pingOnly,
  roleMention,
  ticketPageLine,
} from './format.ts';

/** Opened outside support hours: tells the member, in the guild's language, when staff are back. Pings nobody. */
export function renderSupportAway(notice: NoticeOf<'support_away'>): NoticeMessage {
  const t = translator(resolveLocale(notice.language));
  return {
    embeds: [
      {
        title: t('sla.awayTitle'),
        description: t('sla.awayNotice', {
          at: discordTime(notice.backAt, 'F'),
          relative: discordTime(notice.backAt, 'R'),
        }),
        color: NOTICE_COLORS.info,
      },
    ],
    allowed_mentions: pingOnly(),
  };
}

/** A missed SLA target: pings the escalation role, and only it. */
export function renderSlaBreached(notice: NoticeOf<'sla_breached'>, settings: NoticeSettings): NoticeMessage {
  const t = translator(resolveLocale(notice.language));
  const { ticket, escalationRoleId } = notice;
  const words = { number: ticketLabel(ticket.number), target: targetInWords(t, notice.targetMinutes) };
  const firstResponse = notice.target === 'first_response';
  return {
    ...(escalationRoleId ? { content: roleMention(escalationRoleId) } : {}),
    embeds: [
      {
        title: t(firstResponse ? 'sla.breachFirstResponseTitle' : 'sla.breachResolutionTitle'),
        description: `${t(firstResponse ? 'sla.breachFirstResponse' : 'sla.breachResolution', words)}${ticketPageLine(t, settings, ticket)}`,
        color: NOTICE_COLORS.closed,
      },
    ],
    allowed_mentions: pingOnly({ roles: [escalationRoleId] }),
  };
}
