import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, noticeWords, pingOnly, userMention } from './format.ts';
import { reopenOffer } from './reopen-offer.ts';

/** The last message in the thread or channel before it is locked, saying what becomes of it; pings nobody. */
export function renderClosing(notice: NoticeOf<'closing'>): NoticeMessage {
  const t = noticeWords(notice);
  const { ticket, closure } = notice;
  const reopen = reopenOffer(notice);
  const description = closure.automatic
    ? t('notices.closing.automatic')
    : closure.closedById
      ? t('notices.closing.by', { closer: userMention(closure.closedById) })
      : t('notices.closing.byStaff');
  return {
    embeds: [
      {
        title: t('notices.closing.title', { ticket: ticketLabel(ticket.number) }),
        description: `${description} ${t('notices.closing.space', { space: notice.channelKind ?? 'thread' })}${reopen.line}`,
        color: NOTICE_COLORS.closed,
        fields: closure.reason?.trim() ? [{ name: t('notices.reason'), value: closure.reason.trim() }] : [],
        timestamp: new Date(closure.closedAt).toISOString(),
      },
    ],
    ...(reopen.components.length > 0 ? { components: reopen.components } : {}),
    allowed_mentions: pingOnly(),
  };
}
