import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, noticeWords, pingOnly, userMention } from './format.ts';

/** Pings the added member so the thread shows up for them. */
export function renderMemberAdded(notice: NoticeOf<'member_added'>): NoticeMessage {
  const { ticket, memberId, actor } = notice;
  const description = noticeWords(notice)('notices.memberAdded', {
    member: userMention(memberId),
    ticket: ticketLabel(ticket.number),
    actor: userMention(actor.id),
  });
  return {
    content: userMention(memberId),
    embeds: [{ description, color: NOTICE_COLORS.info }],
    allowed_mentions: pingOnly({ users: [memberId] }),
  };
}
