import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import type { TicketStatus, TimerState } from '../../prisma/client.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { listMemberTickets, listTickets, type TicketPage, type TicketSummary } from '../../store/ticket-list.ts';
import type { TicketListQueryInput } from '../../store/ticket-list-query.ts';
import { guildConfigInput, newSnowflake } from '../database/ticket-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { problemsOf } from '../support/input-problems.ts';

let database: TestDatabase;
const guildId = newSnowflake();
const otherGuildId = newSnowflake();
const staff = [newSnowflake(), newSnowflake()];
const members = [newSnowflake(), newSnowflake(), newSnowflake()];
const start = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;

interface Fixture {
  number: number;
  status: TicketStatus;
  typeKey: string;
  creatorId: string;
  assigneeId: string | null;
  timerState: TimerState;
  openedAt: Date;
  lastActivityAt: Date;
  closedAt: Date | null;
}

/** 60 tickets whose sort keys collide on purpose (pairs share openedAt, triples share lastActivityAt). */
function fixtures(): Fixture[] {
  return Array.from({ length: 60 }, (_, index) => {
    const status: TicketStatus = index % 3 === 0 ? 'open' : index % 10 === 1 ? 'opening' : 'closed';
    return {
      number: index + 1,
      status,
      typeKey: index % 4 === 0 ? 'billing' : 'support',
      creatorId: members[index % members.length] ?? '',
      assigneeId: index % 5 === 0 ? null : (staff[index % staff.length] ?? null),
      timerState: index % 7 === 0 ? 'paused' : index % 11 === 0 ? 'disabled' : 'running',
      openedAt: new Date(start + Math.floor(index / 2) * HOUR),
      lastActivityAt: new Date(start + 100 * HOUR - Math.floor(index / 3) * HOUR),
      closedAt: status === 'closed' ? new Date(start + 200 * HOUR + (index % 4) * HOUR) : null,
    };
  });
}

async function insertTickets(guild: string, rows: Fixture[]): Promise<void> {
  await database.prisma.ticket.createMany({
    data: rows.map((row) => ({
      guildId: guild,
      number: row.number,
      workflowId: `ticket-${guild}-${row.number}`,
      typeKey: row.typeKey,
      typeName: row.typeKey,
      creatorId: row.creatorId,
      creatorName: `member ${row.creatorId.slice(-3)}`,
      assigneeId: row.assigneeId,
      status: row.status,
      answers: [],
      settings: {},
      openedAt: row.openedAt,
      lastActivityAt: row.lastActivityAt,
      closedAt: row.closedAt,
      closeReason: row.closedAt ? 'Resolved' : null,
      timerState: row.timerState,
    })),
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const guilds = createGuildConfigRepository(database.prisma, DEFAULT_PLANS);
  await guilds.saveGuildConfig(guildId, permissiveGuildDirectory, guildConfigInput());
  await guilds.saveGuildConfig(otherGuildId, permissiveGuildDirectory, guildConfigInput());
  await insertTickets(guildId, fixtures());
  // The same numbers, members and staff in another guild: none of it may leak into the first guild's lists.
  await insertTickets(otherGuildId, fixtures());
});

afterAll(async () => {
  await database?.cleanup();
});

/** Every page of a list, following nextCursor. */
async function allPages(read: (cursor: string | undefined) => Promise<TicketPage>): Promise<TicketSummary[]> {
  const seen: TicketSummary[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages += 1) {
    const page = await read(cursor);
    seen.push(...page.tickets);
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('more than 100 pages');
}

const SORT_KEYS = {
  opened: (ticket: TicketSummary) => ticket.openedAt.getTime(),
  lastActivity: (ticket: TicketSummary) => ticket.lastActivityAt.getTime(),
  number: (ticket: TicketSummary) => ticket.number,
  closed: (ticket: TicketSummary) => ticket.closedAt?.getTime() ?? Number.NaN,
} as const;

describe('listTickets', () => {
  it('pages through every sort and order, each ticket once, in order, ties broken by id', async () => {
    const everything = (await listTickets(database.prisma, guildId, { limit: 100 })).tickets;
    expect(everything).toHaveLength(60);
    for (const sort of ['opened', 'lastActivity', 'number', 'closed'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const listed = await allPages((cursor) =>
          listTickets(database.prisma, guildId, { sort, order, limit: 7, cursor }),
        );
        const key = SORT_KEYS[sort];
        const expected = everything
          .filter((ticket) => sort !== 'closed' || ticket.status === 'closed')
          .sort((a, b) => {
            const byKey = key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
            return order === 'asc' ? byKey : -byKey;
          });
        expect(
          listed.map((ticket) => ticket.number),
          `${sort} ${order}`,
        ).toEqual(expected.map((ticket) => ticket.number));
      }
    }
  });

  it('applies each filter, alone and together, across pages', async () => {
    const all = fixtures();
    const cases: [TicketListQueryInput, (fixture: Fixture) => boolean][] = [
      [{ status: 'open' }, (f) => f.status === 'open'],
      [{ type: 'billing' }, (f) => f.typeKey === 'billing'],
      [{ assignee: 'none' }, (f) => f.assigneeId === null],
      [{ assignee: staff[1] }, (f) => f.assigneeId === staff[1]],
      [{ creator: members[2] }, (f) => f.creatorId === members[2]],
      [{ timer: 'paused' }, (f) => f.timerState === 'paused'],
      [
        { openedAfter: new Date(start + 5 * HOUR).toISOString(), openedBefore: new Date(start + 12 * HOUR) },
        (f) => f.openedAt.getTime() >= start + 5 * HOUR && f.openedAt.getTime() < start + 12 * HOUR,
      ],
      [
        { status: 'closed', type: 'support', assignee: staff[0] },
        (f) => f.status === 'closed' && f.typeKey === 'support' && f.assigneeId === staff[0],
      ],
    ];
    for (const [filter, matches] of cases) {
      const listed = await allPages((cursor) =>
        listTickets(database.prisma, guildId, { ...filter, sort: 'number', order: 'asc', limit: 4, cursor }),
      );
      const expected = all.filter(matches).map((fixture) => fixture.number);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(
        listed.map((ticket) => ticket.number),
        JSON.stringify(filter),
      ).toEqual(expected);
    }
  });

  it('lists only the guild asked for', async () => {
    const listed = await allPages((cursor) => listTickets(database.prisma, guildId, { limit: 100, cursor }));
    expect(listed.every((ticket) => ticket.workflowId.startsWith(`ticket-${guildId}-`))).toBe(true);
    const empty = await listTickets(database.prisma, newSnowflake(), {});
    expect(empty).toEqual({ tickets: [], nextCursor: null });
  });

  it('returns what a list row shows', async () => {
    const page = await listTickets(database.prisma, guildId, { sort: 'number', order: 'asc', limit: 1 });
    expect(page.tickets[0]).toEqual({
      id: expect.any(String),
      number: 1,
      workflowId: `ticket-${guildId}-1`,
      typeKey: 'billing',
      typeName: 'billing',
      creatorId: members[0],
      creatorName: `member ${members[0]?.slice(-3)}`,
      assigneeId: null,
      threadId: null,
      status: 'open',
      timerState: 'paused',
      openedAt: new Date(start),
      lastActivityAt: new Date(start + 100 * HOUR),
      closedAt: null,
      closeReason: null,
      closedById: null,
      priority: 1,
      labels: [],
      waitingOn: null,
    });
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('refuses bad input with one problem per field', async () => {
    expect(
      await problemsOf(
        listTickets(database.prisma, 'not-a-guild', {
          status: 'lost' as 'open',
          limit: 101,
          assignee: 'someone',
          openedAfter: 'yesterday',
        }),
      ),
    ).toEqual([
      { path: 'guildId', message: 'must be a Discord id (17 to 20 digits)' },
      { path: 'status', message: expect.stringContaining('opening') },
      { path: 'assignee', message: expect.any(String) },
      { path: 'openedAfter', message: expect.any(String) },
      { path: 'limit', message: expect.stringContaining('100') },
    ]);
    expect(await problemsOf(listTickets(database.prisma, guildId, { sort: 'closed', status: 'open' }))).toEqual([
      { path: 'sort', message: expect.stringContaining('cannot be combined with status open') },
    ]);
    expect(
      await problemsOf(
        listTickets(database.prisma, guildId, { openedAfter: new Date(start + HOUR), openedBefore: new Date(start) }),
      ),
    ).toEqual([{ path: 'openedBefore', message: 'must be later than openedAfter' }]);
    expect(await problemsOf(listTickets(database.prisma, guildId, { stauts: 'open' } as TicketListQueryInput))).toEqual(
      [{ path: '(query)', message: expect.stringContaining('stauts') }],
    );
  });

  it('refuses a cursor that was edited, damaged or issued for another sort', async () => {
    const first = await listTickets(database.prisma, guildId, { sort: 'opened', limit: 5 });
    const cursor = first.nextCursor ?? '';
    const [body = '', sum = ''] = cursor.split('.');
    const decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const edited = `${Buffer.from(JSON.stringify({ ...decoded, key: '1999-01-01T00:00:00.000Z' })).toString('base64url')}.${sum}`;
    for (const bad of [edited, cursor.slice(0, -2), 'garbage', `${cursor}.x`]) {
      expect(await problemsOf(listTickets(database.prisma, guildId, { sort: 'opened', cursor: bad }))).toEqual([
        { path: 'cursor', message: 'is not a cursor this list issued (damaged or edited); start again without one' },
      ]);
    }
    expect(await problemsOf(listTickets(database.prisma, guildId, { sort: 'number', cursor }))).toEqual([
      {
        path: 'cursor',
        message:
          'was issued for the ordering tickets:opened:desc, not tickets:number:desc; start again without a cursor',
      },
    ]);
    expect(await problemsOf(listTickets(database.prisma, guildId, { sort: 'opened', order: 'asc', cursor }))).toEqual([
      { path: 'cursor', message: expect.stringContaining('tickets:opened:asc') },
    ]);
    // The cursor still works where it belongs.
    const second = await listTickets(database.prisma, guildId, { sort: 'opened', limit: 5, cursor });
    expect(second.tickets).toHaveLength(5);
  });
});

describe('listMemberTickets', () => {
  it("lists only the member's own tickets, with the staff list's filters", async () => {
    const member = members[1] ?? '';
    const listed = await allPages((cursor) =>
      listMemberTickets(database.prisma, guildId, member, { sort: 'number', order: 'asc', limit: 3, cursor }),
    );
    expect(listed.map((ticket) => ticket.number)).toEqual(
      fixtures()
        .filter((fixture) => fixture.creatorId === member)
        .map((fixture) => fixture.number),
    );
    const open = await listMemberTickets(database.prisma, guildId, members[0] ?? '', { status: 'open', limit: 100 });
    expect(open.tickets.every((ticket) => ticket.creatorId === members[0] && ticket.status === 'open')).toBe(true);
    expect(open.tickets.length).toBeGreaterThan(0);
  });

  it('refuses a creator filter naming someone else, and a bad member id', async () => {
    expect(
      await problemsOf(listMemberTickets(database.prisma, guildId, members[0] ?? '', { creator: members[1] })),
    ).toEqual([{ path: 'creator', message: 'a member lists only the tickets they opened' }]);
    expect(await problemsOf(listMemberTickets(database.prisma, guildId, 'me', {}))).toEqual([
      { path: 'memberId', message: 'must be a Discord id (17 to 20 digits)' },
    ]);
  });
});
