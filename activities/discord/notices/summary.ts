import type { APIEmbedField } from 'discord-api-types/v10';
import { transcriptPagePath } from '../../../domain/panel-paths.ts';
import { ticketLabel } from '../../../domain/ticket-naming.ts';
import {
  channelMention,
  discordTime,
  NOTICE_COLORS,
  type NoticeMessage,
  type NoticeOf,
  type NoticeSettings,
  noticeWords,
  pingOnly,
  userMention,
} from './format.ts';
import { summaryRatingFields } from './summary-rating.ts';
import { summaryReopenFields } from './summary-reopens.ts';

/**
 * The record of a closed ticket in the histories channel; names people without pinging them. With the
 * panel's `publicUrl` the transcript is a link to its page, else its storage key for an operator to render.
 */
export function renderSummary(notice: NoticeOf<'summary'>, settings: NoticeSettings): NoticeMessage {
  const t = noticeWords(notice);
  const { ticket, closure } = notice;
  const closedBy = closure.automatic
    ? t('notices.summary.inactivityTimer')
    : closure.closedById
      ? userMention(closure.closedById)
      : t('notices.summary.staff');
  const fields: APIEmbedField[] = [
    { name: t('notices.summary.openedBy'), value: userMention(ticket.creatorId), inline: true },
    {
      name: t('notices.summary.assignee'),
      value: ticket.assigneeId ? userMention(ticket.assigneeId) : t('notices.summary.nobody'),
      inline: true,
    },
    { name: t('notices.summary.closedBy'), value: closedBy, inline: true },
    { name: t('notices.summary.opened'), value: discordTime(ticket.openedAt, 'f'), inline: true },
    { name: t('notices.summary.closed'), value: discordTime(closure.closedAt, 'f'), inline: true },
    { name: t('notices.summary.messages'), value: String(notice.messageCount), inline: true },
    ...(closure.reason?.trim() ? [{ name: t('notices.reason'), value: closure.reason.trim() }] : []),
    ...summaryReopenFields(notice),
    {
      name: t('notices.summary.transcript'),
      value: settings.publicUrl
        ? t('notices.summary.openTranscript', {
            url: `${settings.publicUrl}${transcriptPagePath(ticket.guildId, ticket.number)}`,
          })
        : `\`${notice.transcriptKey}\``,
    },
    ...summaryRatingFields(notice),
  ];
  return {
    embeds: [
      {
        title: t('notices.ticketTitle', { ticket: ticketLabel(ticket.number), type: ticket.typeName }),
        description: ticket.threadId
          ? t('notices.summary.thread', { thread: channelMention(ticket.threadId) })
          : undefined,
        color: NOTICE_COLORS.closed,
        fields,
        timestamp: new Date(closure.closedAt).toISOString(),
      },
    ],
    allowed_mentions: pingOnly(),
  };
}
