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
  ticketPageLine,
  userMention,
} from './format.ts';

/** The periodic nudge about a ticket still open; pings its assignee only, never a role, since it repeats. */
export function renderReminder(notice: NoticeOf<'reminder'>, settings: NoticeSettings): NoticeMessage {
  const t = noticeWords(notice);
  const { ticket } = notice;
  const opened = { creator: userMention(ticket.creatorId), relative: discordTime(ticket.openedAt, 'R') };
  const where = ticket.threadId
    ? t('notices.reminder.openedIn', { ...opened, thread: channelMention(ticket.threadId) })
    : t('notices.reminder.opened', opened);
  const owner = ticket.assigneeId
    ? t('notices.reminder.assignedTo', { assignee: userMention(ticket.assigneeId) })
    : t('notices.reminder.nobodyAssigned');
  return {
    ...(ticket.assigneeId ? { content: userMention(ticket.assigneeId) } : {}),
    embeds: [
      {
        title: t('notices.reminder.title', { ticket: ticketLabel(ticket.number), type: ticket.typeName }),
        description: `${where} ${owner}${ticketPageLine(t, settings, ticket)}`,
        color: NOTICE_COLORS.warning,
        timestamp: new Date(notice.remindedAt).toISOString(),
      },
    ],
    allowed_mentions: pingOnly({ users: [ticket.assigneeId] }),
  };
}
