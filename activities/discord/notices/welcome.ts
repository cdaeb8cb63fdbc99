import type { APIEmbedField } from 'discord-api-types/v10';
import { ticketLabel } from '../../../domain/ticket-naming.ts';
import {
  NOTICE_COLORS,
  type NoticeMessage,
  type NoticeOf,
  noticeWords,
  pingOnly,
  roleMention,
  userMention,
} from './format.ts';
import { MESSAGE_LIMITS } from './limits.ts';
import { ticketControlRows } from './ticket-controls.ts';
import { summaryFields } from './ticket-metadata.ts';

/** First message in a new ticket: pings the creator and the notification role, shows the answers, carries the controls. */
export function renderWelcome(notice: NoticeOf<'welcome'>): NoticeMessage {
  const t = noticeWords(notice);
  const { ticket, notificationRoleId } = notice;
  // The questions the member already answered in the form are shown with their answers, not asked again.
  const answered = new Set(notice.answers.map(({ question }) => question.trim()));
  const unanswered = notice.questions.filter((question) => !answered.has(question.trim()));
  const followUp: APIEmbedField[] = unanswered.length
    ? [
        {
          name: t('notices.welcome.alsoAnswer'),
          value: unanswered.map((question, index) => `${index + 1}. ${question}`).join('\n'),
        },
      ]
    : [];
  const summary = summaryFields(notice);
  const answers: APIEmbedField[] = notice.answers
    .slice(0, MESSAGE_LIMITS.embedFields - followUp.length - summary.length)
    .map(({ question, answer }) => ({
      name: question.trim() || t('notices.welcome.question'),
      value: answer.trim() || t('notices.welcome.noAnswer'),
    }));
  return {
    content: [
      t('notices.welcome.content', { creator: userMention(ticket.creatorId) }),
      notificationRoleId && roleMention(notificationRoleId),
    ]
      .filter(Boolean)
      .join(' '),
    embeds: [
      {
        title: t('notices.ticketTitle', { ticket: ticketLabel(ticket.number), type: ticket.typeName }),
        description: notice.openingMessage.trim() || t('notices.welcome.defaultOpening'),
        color: NOTICE_COLORS.open,
        fields: [...summary, ...answers, ...followUp],
        footer: { text: t('notices.welcome.openedBy', { name: ticket.creatorName }) },
        timestamp: new Date(ticket.openedAt).toISOString(),
      },
    ],
    components: ticketControlRows(ticket.number, notice.timer ?? 'running', ticket.language),
    allowed_mentions: pingOnly({ users: [ticket.creatorId], roles: [notificationRoleId] }),
  };
}
