import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, userMention } from './format.ts';

/** The last message in the thread before it is locked; pings nobody. */
export function renderClosing(notice: NoticeOf<'closing'>): NoticeMessage {
  const { ticket, closure } = notice;
  const who = closure.automatic
    ? 'closed automatically after a period without activity'
    : `closed by ${closure.closedById ? userMention(closure.closedById) : 'staff'}`;
  return {
    embeds: [
      {
        title: `Ticket ${ticketLabel(ticket.number)} closed`,
        description: `This ticket was ${who}. The thread is now locked and archived.`,
        color: NOTICE_COLORS.closed,
        fields: closure.reason?.trim() ? [{ name: 'Reason', value: closure.reason.trim() }] : [],
        timestamp: new Date(closure.closedAt).toISOString(),
      },
    ],
    allowed_mentions: pingOnly(),
  };
}
