import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { channelMention, NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly } from './format.ts';

/**
 * Tells staff that a ticket step is held up by something only the guild can fix (a permission the bot lacks).
 * The ticket retries by itself, so the notice says what to fix, not what to do afterwards.
 */
export function renderProblem(notice: NoticeOf<'problem'>): NoticeMessage {
  const { ticket, problem } = notice;
  const where = ticket.threadId ? ` (${channelMention(ticket.threadId)})` : '';
  return {
    embeds: [
      {
        title: `Ticket ${ticketLabel(ticket.number)} is held up`,
        description:
          `I could not **${problem.step}**${where}.\n${problem.message}\n\n` +
          'The ticket stays as it is and I try again by myself; it carries on as soon as this is fixed.',
        color: NOTICE_COLORS.warning,
        timestamp: new Date(problem.since).toISOString(),
      },
    ],
    allowed_mentions: pingOnly(),
  };
}
