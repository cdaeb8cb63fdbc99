import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, noticeWords, pingOnly, userMention } from './format.ts';

/** Says who changed the timer, what it means and, when they turned it off, why; pings nobody. */
export function renderTimerChanged(notice: NoticeOf<'timer_changed'>): NoticeMessage {
  const t = noticeWords(notice);
  const why = notice.reason ? [{ name: t('close-request.timerReasonField'), value: notice.reason }] : [];
  return {
    embeds: [
      {
        description: t(`notices.timer.${notice.timer}`, { actor: userMention(notice.actor.id) }),
        color: NOTICE_COLORS.info,
        fields: why,
      },
    ],
    allowed_mentions: pingOnly(),
  };
}
