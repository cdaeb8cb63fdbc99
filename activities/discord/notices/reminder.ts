import { ticketLabel } from '../../../domain/ticket-naming.ts';
import {
  channelMention,
  discordTime,
  NOTICE_COLORS,
  type NoticeMessage,
  type NoticeOf,
  type NoticeSettings,
  pingOnly,
  ticketPageLine,
  userMention,
} from './format.ts';

/** The periodic nudge about a ticket still open; pings its assignee only, never a role, since it repeats. */
export function renderReminder(notice: NoticeOf<'reminder'>, settings: NoticeSettings): NoticeMessage {
  const { ticket } = notice;
  const where = ticket.threadId ? ` in ${channelMention(ticket.threadId)}` : '';
  const owner = ticket.assigneeId ? `Assigned to ${userMention(ticket.assigneeId)}.` : 'Nobody is assigned yet.';
  return {
    ...(ticket.assigneeId ? { content: userMention(ticket.assigneeId) } : {}),
    embeds: [
      {
        title: `Ticket ${ticketLabel(ticket.number)} · ${ticket.typeName} is still open`,
        description: `Opened by ${userMention(ticket.creatorId)} ${discordTime(ticket.openedAt, 'R')}${where}. ${owner}${ticketPageLine(settings, ticket)}`,
        color: NOTICE_COLORS.warning,
        timestamp: new Date(notice.remindedAt).toISOString(),
      },
    ],
    allowed_mentions: pingOnly({ users: [ticket.assigneeId] }),
  };
}
