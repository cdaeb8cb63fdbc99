import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, userMention } from './format.ts';

/** Pings the new assignee, unless they assigned themselves (a claim). */
export function renderAssigned(notice: NoticeOf<'assigned'>): NoticeMessage {
  const { ticket, actor } = notice;
  const assigneeId = ticket.assigneeId;
  const claimed = assigneeId === actor.id;
  const description = !assigneeId
    ? `Ticket ${ticketLabel(ticket.number)} no longer has an assignee (changed by ${userMention(actor.id)}).`
    : claimed
      ? `${userMention(assigneeId)} claimed ticket ${ticketLabel(ticket.number)} and will handle it.`
      : `${userMention(assigneeId)} now handles ticket ${ticketLabel(ticket.number)} (assigned by ${userMention(actor.id)}).`;
  const ping = assigneeId && !claimed ? assigneeId : null;
  return {
    ...(ping ? { content: userMention(ping) } : {}),
    embeds: [{ description, color: NOTICE_COLORS.info }],
    allowed_mentions: pingOnly({ users: [ping] }),
  };
}
