import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGuildId, seedPanelData } from '../../../bench/panel/seed.ts';
import { Prisma } from '../../../prisma/client.ts';
import {
  monthlyTicketUsage,
  monthlyTicketUsages,
  monthlyUsageStatement,
  utcMonthOf,
} from '../../../store/entitlements/monthly-usage.ts';
import { InputError } from '../../../store/input-error.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

let database: TestDatabase;
const busyGuild = seededGuildId(1);
const quietGuild = '100000000000000555';

/** Tickets of the quiet guild opened at these instants, one each. */
const OPENED_AT = [
  '2026-10-31T23:59:59.999Z',
  '2026-11-01T00:00:00.000Z',
  '2026-11-15T12:00:00.000Z',
  '2026-11-30T23:59:59.999Z',
  '2026-12-01T00:00:00.000Z',
];

beforeAll(async () => {
  database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    // Enough tickets that the planner chooses as it would in production: 20,000 in the busy guild, as many over 19.
    await seedPanelData(client, { guilds: 20, tickets: 40_000, messages: 0, busyShare: 0.5 });
    await client.query(
      `INSERT INTO guild (id, ticket_channel_id, inactivity_timeout_minutes, inactivity_grace_minutes,
                          reminder_interval_minutes, open_limit_per_member, open_cooldown_seconds, updated_at)
       VALUES ($1, '600000000000000555', 1440, 60, 10080, 3, 0, now())`,
      [quietGuild],
    );
    for (const [index, openedAt] of OPENED_AT.entries()) {
      await client.query(
        `INSERT INTO ticket (id, guild_id, number, workflow_id, type_key, type_name, creator_id, creator_name, status,
                             answers, settings, opened_at, last_activity_at)
         VALUES (gen_random_uuid()::text, $1, $2::int, 'usage-' || $2::int, 'support', 'Support', '200000000000000555', 'member',
                 'open', '[]', '{}', $3::timestamptz, $3::timestamptz)`,
        [quietGuild, index + 1, openedAt],
      );
    }
    await client.query('ANALYZE ticket');
  } finally {
    await client.end();
  }
});

afterAll(async () => {
  await database?.cleanup();
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('monthly ticket usage', () => {
  it('counts the UTC calendar month holding the instant, first millisecond in, next month’s first out', async () => {
    const { prisma } = database;
    const usage = await monthlyTicketUsage(prisma, quietGuild, new Date('2026-11-20T08:00:00+09:00'));
    expect(usage).toEqual({
      guildId: quietGuild,
      month: { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') },
      ticketsOpened: 3,
    });
    expect((await monthlyTicketUsage(prisma, quietGuild, new Date('2026-10-31T23:59:59.999Z'))).ticketsOpened).toBe(1);
    expect((await monthlyTicketUsage(prisma, quietGuild, new Date('2026-12-31T23:59:59.999Z'))).ticketsOpened).toBe(1);
    expect((await monthlyTicketUsage(prisma, quietGuild, new Date('2027-01-01T00:00:00Z'))).ticketsOpened).toBe(0);
    expect(utcMonthOf(new Date('2026-12-15T00:00:00Z'))).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
  });

  it('answers several guilds at once, zero for a guild without tickets', async () => {
    const usages = await monthlyTicketUsages(
      database.prisma,
      [quietGuild, '100000000000000556'],
      new Date('2026-11-02T00:00:00Z'),
    );
    expect([...usages.values()].map((usage) => [usage.guildId, usage.ticketsOpened])).toEqual([
      [quietGuild, 3],
      ['100000000000000556', 0],
    ]);
  });

  it('refuses an id that is not a Discord id', async () => {
    await expect(monthlyTicketUsage(database.prisma, 'guild-1')).rejects.toBeInstanceOf(InputError);
  });

  it('reads the busy guild’s month from the ticket list’s (guild_id, opened_at, id) index, without reading the table', async () => {
    const { prisma } = database;
    const at = new Date();
    const rows = await prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
      Prisma.sql`EXPLAIN (FORMAT JSON) ${monthlyUsageStatement([busyGuild], at)}`,
    );
    const root = rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (!root) throw new Error('EXPLAIN returned no plan');
    const scans = nodes(root).filter((node) => node['Relation Name'] === 'ticket');
    const described = nodes(root)
      .map((node) => `${node['Node Type']}${node['Index Name'] ? `(${node['Index Name']})` : ''}`)
      .join(' > ');
    expect(scans, described).toHaveLength(1);
    expect(scans[0]?.['Node Type'], described).toBe('Index Only Scan');
    expect(scans[0]?.['Index Name'], described).toBe('ticket_guild_id_opened_at_id_idx');
    expect((await monthlyTicketUsage(prisma, busyGuild, at)).ticketsOpened).toBeGreaterThan(0);
  });
});
