import type { APIEmbedField } from 'discord-api-types/v10';
import { discordTime, type NoticeOf, noticeWords, userMention } from './format.ts';

/** The latest reopens listed in full; earlier ones are counted, so the field stays within Discord's 1024. */
const REOPENS_LISTED = 10;

/** A ticket closed again after reopens: who reopened it and when, so the summary covers its whole life. */
export function summaryReopenFields(notice: NoticeOf<'summary'>): APIEmbedField[] {
  const reopens = notice.reopens ?? [];
  if (reopens.length === 0) return [];
  const t = noticeWords(notice);
  const listed = reopens.slice(-REOPENS_LISTED);
  const earlier = reopens.length - listed.length;
  const lines = listed.map((reopen) =>
    t('reopen.summaryLine', { actor: userMention(reopen.actorId), time: discordTime(reopen.at, 'f') }),
  );
  if (earlier > 0) lines.unshift(t('reopen.summaryEarlier', { count: earlier }));
  return [{ name: t('reopen.summaryField', { count: reopens.length }), value: lines.join('\n') }];
}
