import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { channelMention, NOTICE_COLORS, type NoticeMessage, type NoticeOf, noticeWords, pingOnly } from './format.ts';

/**
 * Tells staff that a ticket step is held up by something only the guild can fix (a permission the bot lacks).
 * The ticket retries by itself, so the notice says what to fix, not what to do afterwards. The step and Discord's
 * reason come from the workflow and Discord as they are.
 */
export function renderProblem(notice: NoticeOf<'problem'>): NoticeMessage {
  const t = noticeWords(notice);
  const { ticket, problem } = notice;
  const where = ticket.threadId ? ` (${channelMention(ticket.threadId)})` : '';
  return {
    embeds: [
      {
        title: t('notices.problem.title', { ticket: ticketLabel(ticket.number) }),
        description: `${t('notices.problem.couldNot', { step: problem.step, where })}\n${problem.message}\n\n${t('notices.problem.retrying')}`,
        color: NOTICE_COLORS.warning,
        timestamp: new Date(problem.since).toISOString(),
      },
    ],
    allowed_mentions: pingOnly(),
  };
}
