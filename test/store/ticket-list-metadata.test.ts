import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededGuildId, seedPanelData } from '../../bench/panel/seed.ts';
import { createPrismaClient, Prisma, type PrismaClient } from '../../prisma/client.ts';
import { applyMigrations } from '../../prisma/migrate.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../prisma/scratch-database.ts';
import { InputError } from '../../store/input-error.ts';
import { listTickets, ticketListStatement } from '../../store/ticket-list.ts';
import type { TicketListQueryInput } from '../../store/ticket-list-query.ts';
import { testClusterUrl } from '../support/database.ts';

let database: ScratchDatabase;
let prisma: PrismaClient;
const busyGuild = seededGuildId(1);
const TICKETS = 60_000;

beforeAll(async () => {
  database = await createScratchDatabase(testClusterUrl(), 'ticketflow_list_metadata');
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    // 30,000 tickets in the busy guild, 30,000 over 19 others; priorities spread as staff set them (most normal,
    // few urgent), one ticket in 2,000 labelled `vip`, one in 50 `refund`, one in 7 `bug`.
    await seedPanelData(client, { guilds: 20, tickets: TICKETS, messages: 0, busyShare: 0.5 });
    await client.query(`
      UPDATE ticket SET
        priority = CASE WHEN number % 40 = 0 THEN 3 WHEN number % 8 = 0 THEN 2 WHEN number % 5 = 0 THEN 0 ELSE 1 END,
        labels = CASE WHEN number % 2000 = 0 THEN ARRAY['vip'] WHEN number % 50 = 0 THEN ARRAY['refund', 'bug'] WHEN number % 7 = 0 THEN ARRAY['bug']
                      ELSE ARRAY[]::text[] END`);
    await client.query('ANALYZE ticket');
  } finally {
    await client.end();
  }
  prisma = createPrismaClient(database.url);
}, 240_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

async function planOf(query: TicketListQueryInput): Promise<PlanNode[]> {
  const { sql } = ticketListStatement(busyGuild, query);
  const rows = await prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`,
  );
  const root = rows[0]?.['QUERY PLAN'][0]?.Plan;
  if (!root) throw new Error('EXPLAIN returned no plan');
  return nodes(root);
}

const described = (plan: PlanNode[]) =>
  plan.map((node) => `${node['Node Type']}${node['Index Name'] ? `(${node['Index Name']})` : ''}`).join(' > ');

describe('filtering the ticket list by priority and label', () => {
  it('lists exactly the tickets of a priority, and of a label, page after page', async () => {
    const expected = await prisma.ticket.count({ where: { guildId: busyGuild, priority: 3 } });
    expect(expected).toBeGreaterThan(100);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listTickets(prisma, busyGuild, {
        priority: 'urgent',
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const ticket of page.tickets) {
        expect(ticket.priority).toBe(3);
        seen.push(ticket.number);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(expected);

    const refund = await listTickets(prisma, busyGuild, {
      label: 'refund',
      status: 'open',
      sort: 'number',
      limit: 100,
    });
    expect(refund.tickets.length).toBeGreaterThan(0);
    for (const ticket of refund.tickets) {
      expect(ticket.labels).toEqual(['refund', 'bug']);
      expect(ticket.number % 50 === 0 && ticket.number % 2000 !== 0).toBe(true);
    }
    const both = await listTickets(prisma, busyGuild, { label: 'refund', priority: 'high', limit: 100 });
    for (const ticket of both.tickets) expect([ticket.priority, ticket.labels.includes('refund')]).toEqual([2, true]);
  });

  it('refuses an unknown priority and a malformed label, naming the field', async () => {
    await expect(listTickets(prisma, busyGuild, { priority: 'critical' as never })).rejects.toThrow(InputError);
    await expect(listTickets(prisma, busyGuild, { label: 'a,b' })).rejects.toThrow(/label/);
  });

  it('reads a rare label through the GIN index and a priority through an index, never a sequential scan', async () => {
    // A rare label: reading the guild's tickets in order would pass thousands for each one shown.
    const byLabel = await planOf({ label: 'vip', limit: 50 });
    expect(
      byLabel.some((node) => node['Index Name'] === 'ticket_labels_idx'),
      described(byLabel),
    ).toBe(true);
    for (const query of [
      { priority: 'urgent' },
      { priority: 'urgent', status: 'open', sort: 'number' },
      { label: 'bug', status: 'open' },
      { label: 'refund', priority: 'urgent', sort: 'lastActivity' },
    ] satisfies TicketListQueryInput[]) {
      const plan = await planOf({ ...query, limit: 50 });
      const scans = plan.filter((node) => node['Relation Name'] === 'ticket');
      expect(scans.length, described(plan)).toBeGreaterThan(0);
      expect(
        scans.every((node) => node['Node Type'] !== 'Seq Scan'),
        `${JSON.stringify(query)}: ${described(plan)}`,
      ).toBe(true);
    }
  });
});
