import type { APIEmbedField } from 'discord-api-types/v10';
import { resolveLocale } from '../../../i18n/locales.ts';
import { translator } from '../../../i18n/translate.ts';
import type { NoticeOf } from './format.ts';

/** Discord's limit on an embed field's value. */
const FIELD_VALUE_MAX = 1024;

/** The creator's rating as the summary shows it once given: the stars, and the comment quoted below them. */
export function summaryRatingFields(notice: NoticeOf<'summary'>): APIEmbedField[] {
  const { rating } = notice;
  if (!rating) return [];
  const t = translator(resolveLocale(notice.ticket.language));
  const stars = `${'⭐'.repeat(rating.stars)} ${t('rating.summaryValue', { stars: rating.stars })}`;
  const comment = rating.comment ? `\n> ${rating.comment.replace(/\n/g, '\n> ')}` : '';
  return [{ name: t('rating.summaryField'), value: `${stars}${comment}`.slice(0, FIELD_VALUE_MAX) }];
}
