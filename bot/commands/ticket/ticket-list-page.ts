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
import type { BotContext } from '../../bot-context.ts';
import { isStaff } from '../../permissions.ts';

/**
 * One page of the guild's open tickets, read from Postgres: staff see every open ticket, a member their own.
 * A page past the end shows the last one, since tickets close while someone pages.
 */
export async function ticketListPage(
  context: BotContext,
  member: GuildMember,
  requestedPage: number,
): Promise<InteractionEditReplyOptions> {
  const config = await context.guildConfigs.loadGuildConfig(member.guild.id);
  const staff = isStaff(member, config);
  const where = { guildId: member.guild.id, status: 'open' as const, ...(staff ? {} : { creatorId: member.id }) };
  const total = await context.prisma.ticket.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / TICKETS_PER_PAGE));
  const page = Math.min(Math.max(1, requestedPage), pageCount);
  const tickets = await context.prisma.ticket.findMany({
    where,
    orderBy: { number: 'asc' },
    skip: (page - 1) * TICKETS_PER_PAGE,
    take: TICKETS_PER_PAGE,
    select: { number: true, typeName: true, creatorId: true, assigneeId: true, threadId: true, openedAt: true },
  });

  const title = staff ? 'Open tickets' : 'Your open tickets';
  const lines = tickets.map((ticket) =>
    [
      `**#${ticket.number}** ${ticket.typeName}`,
      `by <@${ticket.creatorId}>`,
      ticket.assigneeId ? `assigned to <@${ticket.assigneeId}>` : 'unassigned',
      `opened ${time(ticket.openedAt, 'R')}`,
      ...(ticket.threadId ? [`<#${ticket.threadId}>`] : []),
    ].join(' · '),
  );
  const content =
    total === 0
      ? staff
        ? 'There are no open tickets.'
        : 'You have no open tickets.'
      : [`**${title}** (${total}) · page ${page} of ${pageCount}`, ...lines].join('\n');
  return { content, components: pageCount > 1 ? [pageButtons(page, pageCount)] : [], allowedMentions: { parse: [] } };
}

function pageButtons(page: number, pageCount: number): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(customId(CUSTOM_ID_PREFIX.ticketListPage, String(page - 1)))
      .setStyle(ButtonStyle.Secondary)
      .setLabel('Previous')
      .setDisabled(page <= 1),
    new ButtonBuilder()
      .setCustomId(customId(CUSTOM_ID_PREFIX.ticketListPage, String(page + 1)))
      .setStyle(ButtonStyle.Secondary)
      .setLabel('Next')
      .setDisabled(page >= pageCount),
  );
}
