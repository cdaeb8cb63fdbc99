import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, noticeWords, pingOnly, userMention } from './format.ts';

/** Pings the new assignee, unless they assigned themselves (a claim). */
export function renderAssigned(notice: NoticeOf<'assigned'>): NoticeMessage {
  const t = noticeWords(notice);
  const { ticket, actor } = notice;
  const assigneeId = ticket.assigneeId;
  const claimed = assigneeId === actor.id;
  const about = { ticket: ticketLabel(ticket.number), actor: userMention(actor.id) };
  const description = !assigneeId
    ? t('notices.assigned.none', about)
    : t(claimed ? 'notices.assigned.claimed' : 'notices.assigned.assigned', {
        ...about,
        assignee: userMention(assigneeId),
      });
  const ping = assigneeId && !claimed ? assigneeId : null;
  return {
    ...(ping ? { content: userMention(ping) } : {}),
    embeds: [{ description, color: NOTICE_COLORS.info }],
    allowed_mentions: pingOnly({ users: [ping] }),
  };
}
