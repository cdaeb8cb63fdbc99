import { priorityRank } from '../domain/ticket-metadata.ts';
import { Prisma, type PrismaClient } from '../prisma/client.ts';
import { encodeCursor, type KeysetPosition } from './keyset-cursor.ts';
import { isInstantKey, parseListInput } from './list-input.ts';
import {
  type TicketListQuery,
  type TicketListQueryInput,
  type TicketListSort,
  ticketListQuerySchema,
} from './ticket-list-query.ts';
import { TICKET_SUMMARY_COLUMNS, type TicketSummary } from './ticket-summary.ts';

export type { TicketSummary } from './ticket-summary.ts';

export interface TicketPage {
  tickets: TicketSummary[];
  /** Pass as `cursor` (same sort and order) for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * A guild's tickets for its staff, filtered, sorted and one page at a time. Bad input (the guild id, a filter, a
 * page size over 100, a damaged cursor or one issued for another sort) is an InputError naming each field.
 *
 * Pages are keyset pages: each is one index range scan after the previous page's last row, as fast deep in the list
 * as at its start. A ticket whose sort key changes between two pages (lastActivity moves with every message) may
 * appear twice or not at all; the live change feed (store/ticket-change-feed.ts) is how a list stays current.
 */
export async function listTickets(
  prisma: PrismaClient,
  guildId: string,
  query: TicketListQueryInput,
): Promise<TicketPage> {
  return readPage(prisma, ticketListStatement(guildId, query));
}

/** The tickets a member opened in the guild (and no one else's), with the same query as staff. */
export async function listMemberTickets(
  prisma: PrismaClient,
  guildId: string,
  memberId: string,
  query: TicketListQueryInput,
): Promise<TicketPage> {
  return readPage(prisma, ticketListStatement(guildId, query, memberId));
}

/** The SQL one page runs, after validation; the benchmark and the index tests run it bare and EXPLAIN it. */
export interface TicketListStatement {
  sql: Prisma.Sql;
  query: TicketListQuery;
}

/** Validates like listTickets (InputError on bad input); with memberId, only that member's tickets. */
export function ticketListStatement(
  guildId: string,
  input: TicketListQueryInput,
  memberId?: string,
): TicketListStatement {
  const { query, after } = parseListInput<TicketListQuery>({
    subject: 'ticket list query',
    schema: ticketListQuerySchema,
    guildId,
    memberId,
    memberRefusal: 'a member lists only the tickets they opened',
    input,
    orderingOf,
    keyIsValid: (parsed, key) => (parsed.sort === 'number' ? Number.isSafeInteger(key) : isInstantKey(key)),
  });
  return { sql: pageSql(guildId, query, after), query };
}

function orderingOf(query: Pick<TicketListQuery, 'sort' | 'order'>): string {
  return `tickets:${query.sort}:${query.order}`;
}

const SORT_COLUMNS: Record<TicketListSort, Prisma.Sql> = {
  opened: Prisma.raw('opened_at'),
  lastActivity: Prisma.raw('last_activity_at'),
  number: Prisma.raw('number'),
  closed: Prisma.raw('closed_at'),
};

function pageSql(guildId: string, query: TicketListQuery, after: KeysetPosition | null): Prisma.Sql {
  const column = SORT_COLUMNS[query.sort];
  const descending = query.order === 'desc';
  const conditions = [Prisma.sql`guild_id = ${guildId}`, ...filterConditions(query)];
  if (after) conditions.push(afterCondition(query.sort, column, descending, after));
  const direction = Prisma.raw(descending ? 'DESC' : 'ASC');
  // number is unique within a guild, so it needs no tie-breaker (and its index has none).
  const orderBy =
    query.sort === 'number' ? Prisma.sql`number ${direction}` : Prisma.sql`${column} ${direction}, id ${direction}`;
  // One row past the page tells whether there is a next page.
  return Prisma.sql`
    SELECT ${TICKET_SUMMARY_COLUMNS}
      FROM ticket
     WHERE ${Prisma.join(conditions, ' AND ')}
     ORDER BY ${orderBy}
     LIMIT ${query.limit + 1}`;
}

async function readPage(prisma: PrismaClient, { sql, query }: TicketListStatement): Promise<TicketPage> {
  const rows = await prisma.$queryRaw<TicketSummary[]>(sql);
  const tickets = rows.slice(0, query.limit);
  const last = tickets.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ ordering: orderingOf(query), key: sortKeyOf(last, query.sort), id: last.id })
      : null;
  return { tickets, nextCursor };
}

function filterConditions(query: TicketListQuery): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const status = query.sort === 'closed' ? 'closed' : query.status;
  if (status !== undefined) conditions.push(Prisma.sql`status = ${status}::ticket_status`);
  if (query.sort === 'closed') conditions.push(Prisma.sql`closed_at IS NOT NULL`);
  if (query.type !== undefined) conditions.push(Prisma.sql`type_key = ${query.type}`);
  if (query.assignee === 'none') conditions.push(Prisma.sql`assignee_id IS NULL`);
  else if (query.assignee !== undefined) conditions.push(Prisma.sql`assignee_id = ${query.assignee}`);
  if (query.creator !== undefined) conditions.push(Prisma.sql`creator_id = ${query.creator}`);
  if (query.openedAfter !== undefined) conditions.push(Prisma.sql`opened_at >= ${query.openedAfter}`);
  if (query.openedBefore !== undefined) conditions.push(Prisma.sql`opened_at < ${query.openedBefore}`);
  if (query.timer !== undefined) conditions.push(Prisma.sql`timer_state = ${query.timer}::timer_state`);
  if (query.priority !== undefined) conditions.push(Prisma.sql`priority = ${priorityRank(query.priority)}`);
  // `@>` rather than `= ANY`: only containment can use the GIN index on labels.
  if (query.label !== undefined) conditions.push(Prisma.sql`labels @> ARRAY[${query.label}]::text[]`);
  return conditions;
}

/** Rows strictly past the previous page's last one, as a row comparison the index range scan starts from. */
function afterCondition(
  sort: TicketListSort,
  column: Prisma.Sql,
  descending: boolean,
  after: KeysetPosition,
): Prisma.Sql {
  const past = Prisma.raw(descending ? '<' : '>');
  if (sort === 'number') return Prisma.sql`number ${past} ${after.key}`;
  return Prisma.sql`(${column}, id) ${past} (${new Date(after.key)}::timestamptz, ${after.id})`;
}

function sortKeyOf(ticket: TicketSummary, sort: TicketListSort): string | number {
  switch (sort) {
    case 'number':
      return ticket.number;
    case 'opened':
      return ticket.openedAt.toISOString();
    case 'lastActivity':
      return ticket.lastActivityAt.toISOString();
    case 'closed':
      // The query reads only rows with closed_at set.
      if (!ticket.closedAt) throw new Error(`ticket ${ticket.id} was listed by closedAt but has none`);
      return ticket.closedAt.toISOString();
  }
}
