import { CATEGORIES_FULL_NOTICE_EVERY_MS } from '../../../domain/ticket-channel-mode.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, noticeWords, pingOnly } from './format.ts';

/** Tells staff, in the guild's language, that tickets are refused until a category has room, and how to fix it. */
export function renderCategoriesFull(notice: NoticeOf<'categories_full'>): NoticeMessage {
  const t = noticeWords(notice);
  return {
    embeds: [
      {
        title: t('staff-notices.categoriesFullTitle'),
        description: t('staff-notices.categoriesFullBody', {
          count: notice.categoryCount,
          hours: CATEGORIES_FULL_NOTICE_EVERY_MS / 3_600_000,
        }),
        color: NOTICE_COLORS.warning,
      },
    ],
    allowed_mentions: pingOnly(),
  };
}
