import type { TimerState } from '../../../domain/ticket.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { translate } from '../../../i18n/translate.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, userMention } from './format.ts';

const WHAT_IT_MEANS: Record<TimerState, string> = {
  paused: 'paused the inactivity timer: this ticket will not close by itself until the timer is resumed.',
  running: 'resumed the inactivity timer: this ticket closes by itself if nobody writes for a while.',
  disabled: 'turned the inactivity timer off: this ticket only closes by hand.',
};

/** Says who changed the timer, what it means and, when they turned it off, why; pings nobody. */
export function renderTimerChanged(notice: NoticeOf<'timer_changed'>): NoticeMessage {
  const why = notice.reason
    ? [
        {
          name: translate(resolveLocale(notice.ticket.language), 'close-request.timerReasonField'),
          value: notice.reason,
        },
      ]
    : [];
  return {
    embeds: [
      {
        description: `${userMention(notice.actor.id)} ${WHAT_IT_MEANS[notice.timer]}`,
        color: NOTICE_COLORS.info,
        fields: why,
      },
    ],
    allowed_mentions: pingOnly(),
  };
}
