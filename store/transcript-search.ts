import { Prisma, type PrismaClient } from '../prisma/client.ts';
import { encodeCursor, type KeysetPosition } from './keyset-cursor.ts';
import { isInstantKey, parseListInput } from './list-input.ts';
import { TICKET_SUMMARY_COLUMNS, type TicketSummary } from './ticket-summary.ts';
import {
  type TranscriptSearchQuery,
  type TranscriptSearchQueryInput,
  transcriptSearchQuerySchema,
} from './transcript-search-query.ts';

/** A closed ticket found by a search, with its stored transcript's key and, for a text search, where it matched. */
export interface TranscriptSummary extends TicketSummary {
  /** The stored HTML transcript's key (null if its rendering failed or is still pending). */
  transcriptKey: string | null;
  /** The ticket's first message matching `text` (null without text), the excerpt as plain text around the words. */
  match: { messageId: string; excerpt: string } | null;
}

export interface TranscriptPage {
  transcripts: TranscriptSummary[];
  /** Pass as `cursor` (same order) for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Full-text search runs on the expression index of migration 20261216110000_transcript_search, which this SQL
 * must repeat exactly: the 'simple' configuration lowercases and splits words without stemming or stop words, so
 * words of every language match, as typed (no "reply" finding "replies").
 */
const MESSAGE_TEXT = Prisma.sql`to_tsvector('simple'::regconfig, message.content)`;

/**
 * A guild's closed tickets for its staff, searched and one keyset page at a time, newest closed first by default.
 * The text matches messages, deleted ones included (the transcript keeps them): all of its words must occur in ONE
 * message, as in Discord's own search, which keeps the search on the message index and the excerpt meaningful.
 * Bad input is an InputError naming each field.
 */
export async function searchTranscripts(
  prisma: PrismaClient,
  guildId: string,
  query: TranscriptSearchQueryInput,
): Promise<TranscriptPage> {
  return readPage(prisma, transcriptSearchStatement(guildId, query));
}

/** The transcripts of the tickets a member opened in the guild, searched like staff search. */
export async function searchMemberTranscripts(
  prisma: PrismaClient,
  guildId: string,
  memberId: string,
  query: TranscriptSearchQueryInput,
): Promise<TranscriptPage> {
  return readPage(prisma, transcriptSearchStatement(guildId, query, memberId));
}

export interface TranscriptSearchStatement {
  sql: Prisma.Sql;
  query: TranscriptSearchQuery;
}

/** The SQL one page runs, after validation (InputError); the benchmark runs it bare. */
export function transcriptSearchStatement(
  guildId: string,
  input: TranscriptSearchQueryInput,
  memberId?: string,
): TranscriptSearchStatement {
  const { query, after } = parseListInput<TranscriptSearchQuery>({
    subject: 'transcript search',
    schema: transcriptSearchQuerySchema,
    guildId,
    memberId,
    memberRefusal: 'a member finds only the transcripts of tickets they opened',
    input,
    orderingOf,
    keyIsValid: (_query, key) => isInstantKey(key),
  });
  return { sql: pageSql(guildId, query, after), query };
}

function orderingOf(query: Pick<TranscriptSearchQuery, 'order'>): string {
  return `transcripts:closed:${query.order}`;
}

function pageSql(guildId: string, query: TranscriptSearchQuery, after: KeysetPosition | null): Prisma.Sql {
  const direction = Prisma.raw(query.order === 'desc' ? 'DESC' : 'ASC');
  const words = query.text === undefined ? null : Prisma.sql`websearch_to_tsquery('simple'::regconfig, ${query.text})`;
  const conditions = [
    Prisma.sql`ticket.guild_id = ${guildId}`,
    Prisma.sql`ticket.status = 'closed'::ticket_status`,
    Prisma.sql`ticket.closed_at IS NOT NULL`,
    ...filterConditions(query),
  ];
  if (words) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM ticket_message message
       WHERE message.guild_id = ticket.guild_id AND message.ticket_id = ticket.id AND ${MESSAGE_TEXT} @@ ${words})`);
  }
  if (after) {
    const past = Prisma.raw(query.order === 'desc' ? '<' : '>');
    conditions.push(
      Prisma.sql`(ticket.closed_at, ticket.id) ${past} (${new Date(after.key)}::timestamptz, ${after.id})`,
    );
  }
  // The page is chosen first; only its rows then look for their excerpt.
  const match = words
    ? Prisma.sql`LEFT JOIN LATERAL (
        SELECT message.id, ts_headline('simple'::regconfig, message.content, ${words},
                 'StartSel="", StopSel="", MaxWords=24, MinWords=8') AS excerpt
          FROM ticket_message message
         WHERE message.guild_id = page.guild_id AND message.ticket_id = page.id AND ${MESSAGE_TEXT} @@ ${words}
         ORDER BY message.created_at, message.id
         LIMIT 1) match ON true`
    : Prisma.sql`LEFT JOIN LATERAL (SELECT NULL::text AS id, NULL::text AS excerpt) match ON true`;
  return Prisma.sql`
    SELECT page.*, match.id AS "matchMessageId", match.excerpt AS "matchExcerpt"
      FROM (SELECT ${TICKET_SUMMARY_COLUMNS}, ticket.transcript_key AS "transcriptKey", ticket.guild_id
              FROM ticket
             WHERE ${Prisma.join(conditions, ' AND ')}
             ORDER BY ticket.closed_at ${direction}, ticket.id ${direction}
             LIMIT ${query.limit + 1}) page
      ${match}
     ORDER BY page."closedAt" ${direction}, page.id ${direction}`;
}

function filterConditions(query: TranscriptSearchQuery): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (query.number !== undefined) conditions.push(Prisma.sql`ticket.number = ${query.number}`);
  if (query.creator !== undefined) conditions.push(Prisma.sql`ticket.creator_id = ${query.creator}`);
  if (query.assignee === 'none') conditions.push(Prisma.sql`ticket.assignee_id IS NULL`);
  else if (query.assignee !== undefined) conditions.push(Prisma.sql`ticket.assignee_id = ${query.assignee}`);
  if (query.type !== undefined) conditions.push(Prisma.sql`ticket.type_key = ${query.type}`);
  if (query.reason !== undefined) {
    // ILIKE's wildcards and escape character in the reason are matched as themselves.
    const literal = query.reason.replace(/[\\%_]/g, (character) => `\\${character}`);
    conditions.push(Prisma.sql`ticket.close_reason ILIKE ${`%${literal}%`}`);
  }
  if (query.closedAfter !== undefined) conditions.push(Prisma.sql`ticket.closed_at >= ${query.closedAfter}`);
  if (query.closedBefore !== undefined) conditions.push(Prisma.sql`ticket.closed_at < ${query.closedBefore}`);
  return conditions;
}

interface TranscriptRow extends TicketSummary {
  transcriptKey: string | null;
  guild_id: string;
  matchMessageId: string | null;
  matchExcerpt: string | null;
}

async function readPage(prisma: PrismaClient, { sql, query }: TranscriptSearchStatement): Promise<TranscriptPage> {
  const rows = await prisma.$queryRaw<TranscriptRow[]>(sql);
  const transcripts = rows.slice(0, query.limit).map(
    ({ guild_id: _guildId, matchMessageId, matchExcerpt, ...summary }): TranscriptSummary => ({
      ...summary,
      match: matchMessageId === null ? null : { messageId: matchMessageId, excerpt: matchExcerpt ?? '' },
    }),
  );
  const last = transcripts.at(-1);
  const nextCursor =
    rows.length > query.limit && last?.closedAt
      ? encodeCursor({ ordering: orderingOf(query), key: last.closedAt.toISOString(), id: last.id })
      : null;
  return { transcripts, nextCursor };
}
