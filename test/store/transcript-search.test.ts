import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { searchMemberTranscripts, searchTranscripts, type TranscriptPage } from '../../store/transcript-search.ts';
import type { TranscriptSearchQueryInput } from '../../store/transcript-search-query.ts';
import { guildConfigInput, newSnowflake } from '../database/ticket-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { problemsOf } from '../support/input-problems.ts';

let database: TestDatabase;
const guildId = newSnowflake();
const otherGuildId = newSnowflake();
const [alice, bob] = [newSnowflake(), newSnowflake()];
const staff = newSnowflake();
const DAY = 86_400_000;
const start = Date.parse('2026-03-01T00:00:00Z');

interface Seeded {
  number: number;
  closed: boolean;
  creatorId: string;
  assigneeId: string | null;
  typeKey: string;
  closeReason: string;
  messages: string[];
}

const TICKETS: Seeded[] = [
  {
    number: 1,
    closed: true,
    creatorId: alice,
    assigneeId: staff,
    typeKey: 'billing',
    closeReason: 'Refund issued',
    messages: ['My invoice shows a double charge', 'We refunded the second charge'],
  },
  {
    number: 2,
    closed: true,
    creatorId: bob,
    assigneeId: null,
    typeKey: 'support',
    closeReason: 'Solved: 100% fixed',
    messages: ['бот не отвечает', 'Il bot non risponde più', 'ボットが応答しません'],
  },
  {
    number: 3,
    closed: true,
    creatorId: alice,
    assigneeId: staff,
    typeKey: 'support',
    closeReason: 'No response',
    messages: ['The invoice page is blank', 'A double check later: still blank'],
  },
  {
    number: 4,
    closed: false,
    creatorId: alice,
    assigneeId: null,
    typeKey: 'billing',
    closeReason: '',
    messages: ['double charge on my invoice again'],
  },
  ...Array.from({ length: 7 }, (_, index) => ({
    number: 5 + index,
    closed: true,
    creatorId: bob,
    assigneeId: staff,
    typeKey: 'support',
    closeReason: 'Resolved',
    messages: [`Question number ${5 + index} about the invoice export`],
  })),
];

async function seed(guild: string): Promise<void> {
  await createGuildConfigRepository(database.prisma, DEFAULT_PLANS).saveGuildConfig(
    guild,
    permissiveGuildDirectory,
    guildConfigInput(),
  );
  for (const ticket of TICKETS) {
    const openedAt = new Date(start + ticket.number * DAY);
    const created = await database.prisma.ticket.create({
      data: {
        guildId: guild,
        number: ticket.number,
        workflowId: `search-${guild}-${ticket.number}`,
        typeKey: ticket.typeKey,
        typeName: ticket.typeKey,
        creatorId: ticket.creatorId,
        creatorName: 'member',
        assigneeId: ticket.assigneeId,
        status: ticket.closed ? 'closed' : 'open',
        answers: [],
        settings: {},
        openedAt,
        lastActivityAt: openedAt,
        closedAt: ticket.closed ? new Date(openedAt.getTime() + DAY / 2) : null,
        closeReason: ticket.closed ? ticket.closeReason : null,
        transcriptKey: ticket.closed ? `transcripts/${guild}/${ticket.number}.html` : null,
      },
    });
    await database.prisma.ticketMessage.createMany({
      data: ticket.messages.map((content, index) => ({
        id: newSnowflake(),
        guildId: guild,
        ticketId: created.id,
        authorId: ticket.creatorId,
        authorName: 'member',
        authorIsBot: false,
        content,
        attachments: [],
        createdAt: new Date(openedAt.getTime() + index * 60_000),
      })),
    });
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(guildId);
  await seed(otherGuildId);
});

afterAll(async () => {
  await database?.cleanup();
});

const numbers = (page: TranscriptPage) => page.transcripts.map((transcript) => transcript.number);
const search = (query: TranscriptSearchQueryInput) => searchTranscripts(database.prisma, guildId, query);

describe('searchTranscripts', () => {
  it('finds closed tickets whose words occur together in one message, newest closed first', async () => {
    expect(numbers(await search({ text: 'double charge' }))).toEqual([1]);
    // "double" and "invoice" are both in ticket 3, but in different messages; ticket 4 is still open.
    expect(numbers(await search({ text: 'double invoice' }))).toEqual([1]);
    expect(numbers(await search({ text: 'INVOICE' }))).toEqual([11, 10, 9, 8, 7, 6, 5, 3, 1]);
    expect(numbers(await search({ text: '"second charge"' }))).toEqual([1]);
    expect(numbers(await search({ text: 'invoice -export' }))).toEqual([3, 1]);
  });

  // Case folds for non-ASCII letters only where the database's LC_CTYPE is a UTF-8 locale; the test cluster's is C.
  it('matches words of every language as typed, and says where', async () => {
    for (const text of ['отвечает', 'risponde', 'ボットが応答しません']) {
      const page = await search({ text });
      expect(numbers(page), text).toEqual([2]);
    }
    const [found] = (await search({ text: 'risponde' })).transcripts;
    const stored = await database.prisma.ticketMessage.findFirstOrThrow({
      where: { guildId, content: { contains: 'risponde' } },
    });
    expect(found?.match).toEqual({ messageId: stored.id, excerpt: 'Il bot non risponde più' });
    expect(found?.transcriptKey).toBe(`transcripts/${guildId}/2.html`);
  });

  it('filters by number, creator, assignee, type, close reason and closing date', async () => {
    expect(numbers(await search({ number: 3 }))).toEqual([3]);
    expect(numbers(await search({ number: 4 }))).toEqual([]);
    expect(numbers(await search({ creator: alice }))).toEqual([3, 1]);
    expect(numbers(await search({ assignee: 'none' }))).toEqual([2]);
    expect(numbers(await search({ assignee: staff, type: 'billing' }))).toEqual([1]);
    expect(numbers(await search({ reason: 'refund' }))).toEqual([1]);
    // % is the reason's own character here, not a wildcard.
    expect(numbers(await search({ reason: '100%' }))).toEqual([2]);
    expect(numbers(await search({ reason: '1%0' }))).toEqual([]);
    expect(
      numbers(
        await search({
          closedAfter: new Date(start + 2 * DAY).toISOString(),
          closedBefore: new Date(start + 4 * DAY),
          order: 'asc',
        }),
      ),
    ).toEqual([2, 3]);
    expect((await search({ creator: alice })).transcripts.every((transcript) => transcript.match === null)).toBe(true);
  });

  it('pages by keyset in both orders, with a text search', async () => {
    for (const order of ['desc', 'asc'] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await search({ text: 'invoice', order, limit: 2, cursor });
        seen.push(...numbers(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const expected = [1, 3, 5, 6, 7, 8, 9, 10, 11];
      expect(seen).toEqual(order === 'asc' ? expected : expected.reverse());
    }
  });

  it('never finds another guild’s transcripts', async () => {
    const all = await search({ limit: 100 });
    expect(all.transcripts).toHaveLength(10);
    expect(all.transcripts.every((transcript) => transcript.workflowId.startsWith(`search-${guildId}-`))).toBe(true);
    expect((await searchTranscripts(database.prisma, newSnowflake(), { text: 'invoice' })).transcripts).toEqual([]);
  });

  it('refuses bad input with one problem per field', async () => {
    expect(
      await problemsOf(
        search({ text: '!!!', number: -1, limit: 500, closedAfter: 'last week', sort: 'opened' } as never),
      ),
    ).toEqual(
      expect.arrayContaining([
        { path: '(query)', message: expect.stringContaining('sort') },
        { path: 'text', message: 'must contain a word to search for' },
        { path: 'number', message: expect.any(String) },
        { path: 'closedAfter', message: expect.any(String) },
        { path: 'limit', message: expect.stringContaining('100') },
      ]),
    );
    const page = await search({ limit: 2 });
    expect(await problemsOf(search({ order: 'asc', cursor: page.nextCursor ?? '' }))).toEqual([
      { path: 'cursor', message: expect.stringContaining('transcripts:closed:desc') },
    ]);
  });
});

describe('searchMemberTranscripts', () => {
  it('finds only the transcripts of tickets the member opened', async () => {
    const page = await searchMemberTranscripts(database.prisma, guildId, alice, { text: 'invoice' });
    expect(numbers(page)).toEqual([3, 1]);
    expect(numbers(await searchMemberTranscripts(database.prisma, guildId, alice, { text: 'risponde' }))).toEqual([]);
    expect(await problemsOf(searchMemberTranscripts(database.prisma, guildId, alice, { creator: bob }))).toEqual([
      { path: 'creator', message: 'a member finds only the transcripts of tickets they opened' },
    ]);
  });
});
