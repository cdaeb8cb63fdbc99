import {
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

/** Pings the creator: they are the one who can keep the ticket open by answering. */
export function renderInactivityWarning(
  notice: NoticeOf<'inactivity_warning'>,
  settings: NoticeSettings,
): NoticeMessage {
  const t = noticeWords(notice);
  const { ticket, closesAt } = notice;
  const description = t('notices.warning.description', {
    relative: discordTime(closesAt, 'R'),
    at: discordTime(closesAt, 'f'),
  });
  return {
    content: userMention(ticket.creatorId),
    embeds: [
      {
        title: t('notices.warning.title'),
        description: `${description}${ticketPageLine(t, settings, ticket)}`,
        color: NOTICE_COLORS.warning,
      },
    ],
    allowed_mentions: pingOnly({ users: [ticket.creatorId] }),
  };
}
