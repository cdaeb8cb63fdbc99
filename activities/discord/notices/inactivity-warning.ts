import {
  discordTime,
  NOTICE_COLORS,
  type NoticeMessage,
  type NoticeOf,
  type NoticeSettings,
  pingOnly,
  ticketPageLine,
  userMention,
} from './format.ts';

/** Pings the creator: they are the one who can keep the ticket open by answering. */
export function renderInactivityWarning(
  notice: NoticeOf<'inactivity_warning'>,
  settings: NoticeSettings,
): NoticeMessage {
  const { ticket, closesAt } = notice;
  return {
    content: userMention(ticket.creatorId),
    embeds: [
      {
        title: 'This ticket is about to close',
        description: `Nobody has written here for a while. It closes ${discordTime(closesAt, 'R')} (${discordTime(closesAt, 'f')}) unless someone replies.${ticketPageLine(settings, ticket)}`,
        color: NOTICE_COLORS.warning,
      },
    ],
    allowed_mentions: pingOnly({ users: [ticket.creatorId] }),
  };
}
