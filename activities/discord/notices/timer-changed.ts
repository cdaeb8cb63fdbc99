import type { TimerState } from '../../../domain/ticket.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, userMention } from './format.ts';

const WHAT_IT_MEANS: Record<TimerState, string> = {
  paused: 'paused the inactivity timer: this ticket will not close by itself until the timer is resumed.',
  running: 'resumed the inactivity timer: this ticket closes by itself if nobody writes for a while.',
  disabled: 'turned the inactivity timer off: this ticket only closes by hand.',
};

/** Says who changed the timer and what it means; pings nobody. */
export function renderTimerChanged(notice: NoticeOf<'timer_changed'>): NoticeMessage {
  return {
    embeds: [
      { description: `${userMention(notice.actor.id)} ${WHAT_IT_MEANS[notice.timer]}`, color: NOTICE_COLORS.info },
    ],
    allowed_mentions: pingOnly(),
  };
}
