import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, userMention } from './format.ts';

/** Pings the added member so the thread shows up for them. */
export function renderMemberAdded(notice: NoticeOf<'member_added'>): NoticeMessage {
  const { ticket, memberId, actor } = notice;
  return {
    content: userMention(memberId),
    embeds: [
      {
        description: `${userMention(memberId)} was added to ticket ${ticketLabel(ticket.number)} by ${userMention(actor.id)}.`,
        color: NOTICE_COLORS.info,
      },
    ],
    allowed_mentions: pingOnly({ users: [memberId] }),
  };
}
