import type { APIEmbedField } from 'discord-api-types/v10';
import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, roleMention, userMention } from './format.ts';
import { MESSAGE_LIMITS } from './limits.ts';
import { ticketControlRows } from './ticket-controls.ts';
import { summaryFields } from './ticket-metadata.ts';

const DEFAULT_OPENING = 'Thanks for reaching out. Describe your request here; a staff member will answer soon.';

/** First message in a new ticket: pings the creator and the notification role, shows the answers, carries the controls. */
export function renderWelcome(notice: NoticeOf<'welcome'>): NoticeMessage {
  const { ticket, notificationRoleId } = notice;
  // The questions the member already answered in the form are shown with their answers, not asked again.
  const answered = new Set(notice.answers.map(({ question }) => question.trim()));
  const unanswered = notice.questions.filter((question) => !answered.has(question.trim()));
  const followUp: APIEmbedField[] = unanswered.length
    ? [
        {
          name: 'Please also answer',
          value: unanswered.map((question, index) => `${index + 1}. ${question}`).join('\n'),
        },
      ]
    : [];
  const summary = summaryFields(notice);
  const answers: APIEmbedField[] = notice.answers
    .slice(0, MESSAGE_LIMITS.embedFields - followUp.length - summary.length)
    .map(({ question, answer }) => ({ name: question.trim() || 'Question', value: answer.trim() || '*No answer*' }));
  return {
    content: [
      `${userMention(ticket.creatorId)}, your ticket is open.`,
      notificationRoleId && roleMention(notificationRoleId),
    ]
      .filter(Boolean)
      .join(' '),
    embeds: [
      {
        title: `Ticket ${ticketLabel(ticket.number)} · ${ticket.typeName}`,
        description: notice.openingMessage.trim() || DEFAULT_OPENING,
        color: NOTICE_COLORS.open,
        fields: [...summary, ...answers, ...followUp],
        footer: { text: `Opened by ${ticket.creatorName}` },
        timestamp: new Date(ticket.openedAt).toISOString(),
      },
    ],
    components: ticketControlRows(ticket.number, notice.timer ?? 'running', ticket.language),
    allowed_mentions: pingOnly({ users: [ticket.creatorId], roles: [notificationRoleId] }),
  };
}
