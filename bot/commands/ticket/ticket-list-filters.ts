import type { GuildConfig } from '../../../domain/guild-config.ts';
import {
  DEFAULT_PRIORITY,
  findLabel,
  isTicketPriority,
  priorityOfRank,
  priorityRank,
  type TicketPriority,
} from '../../../domain/ticket-metadata.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { UserFacingError } from '../../replies.ts';

/** What `/ticket list priority: label:` narrows the open tickets to. */
export interface TicketListFilters {
  priority?: TicketPriority;
  /** As the guild spells it. */
  label?: string;
}

/**
 * The filters as the member typed them, checked against the server's labels: an unknown label is refused naming
 * the labels there are, rather than answered with an empty list.
 */
export function listFilters(
  t: Translate,
  config: Pick<GuildConfig, 'labels'> | null,
  options: { priority: string | null; label: string | null },
): TicketListFilters {
  const filters: TicketListFilters = {};
  if (options.priority !== null && isTicketPriority(options.priority)) filters.priority = options.priority;
  if (options.label !== null) {
    const guildLabels = (config?.labels ?? []).map((label) => label.name);
    const label = findLabel(guildLabels, options.label);
    if (label === undefined) {
      throw new UserFacingError(
        guildLabels.length === 0
          ? t('ticket-metadata.refusal.noLabels')
          : t('ticket-metadata.refusal.unknownLabel', { label: options.label.trim(), labels: guildLabels.join(', ') }),
      );
    }
    filters.label = label;
  }
  return filters;
}

/** The ticket row's columns for the filters: the priority index, and the GIN index on labels (`@>`). */
export function filterWhere(filters: TicketListFilters) {
  return {
    ...(filters.priority === undefined ? {} : { priority: priorityRank(filters.priority) }),
    ...(filters.label === undefined ? {} : { labels: { has: filters.label } }),
  };
}

export function filterWords(t: Translate, filters: TicketListFilters): string | null {
  const parts = [
    ...(filters.priority === undefined
      ? []
      : [t('ticket-metadata.list.priority', { priority: t(`ticket-metadata.priority.${filters.priority}`) })]),
    ...(filters.label === undefined ? [] : [t('ticket-metadata.list.labels', { labels: `\`${filters.label}\`` })]),
  ];
  return parts.length > 0 ? t('ticket-metadata.list.filtered', { filters: parts.join(' · ') }) : null;
}

/** A ticket's priority (unless normal) and labels in its list line. */
export function metadataParts(t: Translate, ticket: { priority: number; labels: string[] }): string[] {
  const priority = priorityOfRank(ticket.priority);
  return [
    ...(priority === DEFAULT_PRIORITY
      ? []
      : [t('ticket-metadata.list.priority', { priority: `**${t(`ticket-metadata.priority.${priority}`)}**` })]),
    ...(ticket.labels.length > 0
      ? [t('ticket-metadata.list.labels', { labels: ticket.labels.map((label) => `\`${label}\``).join(', ') })]
      : []),
  ];
}

/**
 * A page button's id carries the filters, so Previous and Next stay within them: `<page>:<priority rank>:<label>`,
 * at most 3 + 1 + 1 + 1 + 32 characters. Who may see what is decided again for whoever presses.
 */
export function listPageId(page: number, filters: TicketListFilters): string {
  if (filters.priority === undefined && filters.label === undefined) return String(page);
  const rank = filters.priority === undefined ? '' : String(priorityRank(filters.priority));
  return `${page}:${rank}:${filters.label ?? ''}`;
}

export function parseListPageId(id: string): { page: number; filters: TicketListFilters } {
  const [pageText = '', rank = '', ...labelParts] = id.split(':');
  const page = Number.parseInt(pageText, 10);
  const priority = rank === '' ? undefined : priorityOfRank(Number.parseInt(rank, 10));
  const label = labelParts.join(':');
  return {
    page: Number.isSafeInteger(page) ? page : 1,
    filters: {
      ...(priority === undefined ? {} : { priority }),
      ...(label === '' ? {} : { label }),
    },
  };
}
