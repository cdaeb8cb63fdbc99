import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type GuildMember,
  type InteractionEditReplyOptions,
  time,
} from 'discord.js';
import { TICKET_LIST_PAGE_SIZE as TICKETS_PER_PAGE } from '../../../discord/ticket-command/ticket-subcommands.ts';
import { CUSTOM_ID_PREFIX, customId } from '../../../domain/custom-ids.ts';
import type { Translate } from '../../../i18n/translate.ts';
import type { BotContext } from '../../bot-context.ts';
import { interactionWords } from '../../interactions/interaction-words.ts';
import { isStaff } from '../../permissions.ts';
import { waitingParts } from '../../sla/waiting-words.ts';
import { filterWhere, filterWords, listPageId, metadataParts, type TicketListFilters } from './ticket-list-filters.ts';

/**
 * One page of the guild's open tickets, read from Postgres: staff see every open ticket, a member their own.
 * A page past the end shows the last one, since tickets close while someone pages.
 */
export async function ticketListPage(
  context: BotContext,
  member: GuildMember,
  requestedPage: number,
  filters: TicketListFilters,
  spoken: { locale: string },
): Promise<InteractionEditReplyOptions> {
  const config = await context.guildConfigs.loadGuildConfig(member.guild.id);
  const t = interactionWords(spoken, config?.language);
  const staff = isStaff(member, config);
  const where = {
    guildId: member.guild.id,
    status: 'open' as const,
    ...(staff ? {} : { creatorId: member.id }),
    ...filterWhere(filters),
  };
  const total = await context.prisma.ticket.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / TICKETS_PER_PAGE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const tickets = await context.prisma.ticket.findMany({
    where,
    orderBy: { number: 'asc' },
    skip: (page - 1) * TICKETS_PER_PAGE,
    take: TICKETS_PER_PAGE,
    select: {
      number: true,
      typeName: true,
      creatorId: true,
      assigneeId: true,
      threadId: true,
      openedAt: true,
      priority: true,
      labels: true,
      waitingOn: true,
    },
  });

  const who = { staff: staff ? 'yes' : 'no' };
  const lines = tickets.map((ticket) =>
    [
      `**#${ticket.number}** ${ticket.typeName}`,
      t('replies.list.by', { creator: `<@${ticket.creatorId}>` }),
      ticket.assigneeId
        ? t('replies.list.assignedTo', { assignee: `<@${ticket.assigneeId}>` })
        : t('replies.list.unassigned'),
      ...metadataParts(t, ticket),
      ...waitingParts(t, ticket.waitingOn),
      t('replies.list.opened', { relative: time(ticket.openedAt, 'R') }),
      ...(ticket.threadId ? [`<#${ticket.threadId}>`] : []),
    ].join(' · '),
  );
  const filtered = filterWords(t, filters);
  const header = t('replies.list.header', { title: t('replies.list.title', who), total, page, pages: pageCount });
  const content =
    total === 0
      ? filtered
        ? t('ticket-metadata.list.noMatches')
        : t('replies.list.none', who)
      : [header, ...(filtered ? [filtered] : []), ...lines].join('\n');
  const components = pageCount > 1 ? [pageButtons(t, page, pageCount, filters)] : [];
  return { content, components, allowedMentions: { parse: [] } };
}

function pageButtons(
  t: Translate,
  page: number,
  pageCount: number,
  filters: TicketListFilters,
): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(customId(CUSTOM_ID_PREFIX.ticketListPage, listPageId(page - 1, filters)))
      .setStyle(ButtonStyle.Secondary)
      .setLabel(t('replies.list.previous'))
      .setDisabled(page <= 1),
    new ButtonBuilder()
      .setCustomId(customId(CUSTOM_ID_PREFIX.ticketListPage, listPageId(page + 1, filters)))
      .setStyle(ButtonStyle.Secondary)
      .setLabel(t('replies.list.next'))
      .setDisabled(page >= pageCount),
  );
}
