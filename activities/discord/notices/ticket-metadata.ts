import type { APIEmbedField } from 'discord-api-types/v10';
import type { TicketPriority } from '../../../domain/ticket-metadata.ts';
import { ticketLabel } from '../../../domain/ticket-naming.ts';
import { resolveLocale } from '../../../i18n/locales.ts';
import { type Translate, translator } from '../../../i18n/translate.ts';
import { NOTICE_COLORS, type NoticeMessage, type NoticeOf, pingOnly, userMention } from './format.ts';

/** The thread's language: the guild's, which the ticket captured (English for tickets from before languages). */
const wordsOf = (notice: { language?: string }): Translate => translator(resolveLocale(notice.language));

export function priorityName(t: Translate, priority: TicketPriority): string {
  return t(`ticket-metadata.priority.${priority}`);
}

const labelList = (labels: readonly string[]) => labels.map((label) => `\`${label}\``).join(', ');

/** What the welcome's summary shows of a ticket's priority and labels, once the ticket has them. */
export function summaryFields(notice: NoticeOf<'welcome'>): APIEmbedField[] {
  if (notice.priority === undefined) return [];
  const t = wordsOf(notice);
  const labels = notice.labels ?? [];
  return [
    { name: t('ticket-metadata.summary.priority'), value: priorityName(t, notice.priority), inline: true },
    {
      name: t('ticket-metadata.summary.labels'),
      value: labels.length > 0 ? labelList(labels) : t('ticket-metadata.summary.noLabels'),
      inline: true,
    },
  ];
}

export function renderPriorityChanged(notice: NoticeOf<'priority_changed'>): NoticeMessage {
  const t = wordsOf(notice);
  const description = t('ticket-metadata.notice.priorityChanged', {
    actor: userMention(notice.actor.id),
    ticket: ticketLabel(notice.ticket.number),
    priority: priorityName(t, notice.priority),
  });
  return { embeds: [{ description, color: NOTICE_COLORS.info }], allowed_mentions: pingOnly() };
}

export function renderLabelsChanged(notice: NoticeOf<'labels_changed'>): NoticeMessage {
  const t = wordsOf(notice);
  const about = { actor: userMention(notice.actor.id), ticket: ticketLabel(notice.ticket.number) };
  const lines = [
    ...(notice.added.length > 0
      ? [
          t('ticket-metadata.notice.labelsAdded', {
            ...about,
            count: notice.added.length,
            labels: labelList(notice.added),
          }),
        ]
      : []),
    ...(notice.removed.length > 0
      ? [
          t('ticket-metadata.notice.labelsRemoved', {
            ...about,
            count: notice.removed.length,
            labels: labelList(notice.removed),
          }),
        ]
      : []),
  ];
  return { embeds: [{ description: lines.join('\n'), color: NOTICE_COLORS.info }], allowed_mentions: pingOnly() };
}

export function renderRenamed(notice: NoticeOf<'renamed'>): NoticeMessage {
  const description = wordsOf(notice)('ticket-metadata.notice.renamed', {
    actor: userMention(notice.actor.id),
    ticket: ticketLabel(notice.ticket.number),
    name: notice.name,
  });
  return { embeds: [{ description, color: NOTICE_COLORS.info }], allowed_mentions: pingOnly() };
}

/** Names the old and new type, and lists the new type's questions for the member to answer here. */
export function renderMoved(notice: NoticeOf<'moved'>): NoticeMessage {
  const t = wordsOf(notice);
  const description = t('ticket-metadata.notice.moved', {
    actor: userMention(notice.actor.id),
    ticket: ticketLabel(notice.ticket.number),
    from: notice.fromTypeName,
    to: notice.ticket.typeName,
  });
  const fields: APIEmbedField[] =
    notice.questions.length > 0
      ? [
          {
            name: t('ticket-metadata.notice.movedQuestions', { type: notice.ticket.typeName }),
            value: notice.questions.map((question, index) => `${index + 1}. ${question}`).join('\n'),
          },
        ]
      : [];
  return {
    embeds: [{ description, color: NOTICE_COLORS.open, fields }],
    allowed_mentions: pingOnly(),
  };
}
