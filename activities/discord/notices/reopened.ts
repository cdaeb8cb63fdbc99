import { resolveLocale } from '../../../i18n/locales.ts';
import { translator } from '../../../i18n/translate.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, userMention } from './format.ts';

/** Tells the thread, in the guild's language, who reopened the ticket; pings nobody. */
export function renderReopened(notice: NoticeOf<'reopened'>): NoticeMessage {
  const t = translator(resolveLocale(notice.ticket.language));
  return {
    embeds: [
      {
        title: t('reopen.noticeTitle', { number: notice.ticket.number }),
        description: t('reopen.noticeBody', { actor: userMention(notice.actor.id) }),
        color: NOTICE_COLORS.open,
      },
    ],
    allowed_mentions: pingOnly(),
  };
}
