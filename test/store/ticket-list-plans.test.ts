import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED_CREATOR_ID, SEEDED_STAFF_ID, seededGuildId, seedPanelData } from '../../bench/panel/seed.ts';
import { createPrismaClient, Prisma, type PrismaClient } from '../../prisma/client.ts';
import { applyMigrations } from '../../prisma/migrate.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../prisma/scratch-database.ts';
import { listTickets, ticketListStatement } from '../../store/ticket-list.ts';
import { TICKET_LIST_SORTS, type TicketListQueryInput } from '../../store/ticket-list-query.ts';
import { testClusterUrl } from '../support/database.ts';

let database: ScratchDatabase;
let prisma: PrismaClient;
const busyGuild = seededGuildId(1);
const BUSY_GUILD_TICKETS = 40_000;

beforeAll(async () => {
  database = await createScratchDatabase(testClusterUrl(), 'ticketflow_list_plans');
  await applyMigrations(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    // Enough rows that the planner prefers indexes the way it does at production sizes: 40,000 tickets in the
    // busy guild, 40,000 more over 49 others.
    await seedPanelData(client, { guilds: 50, tickets: 2 * BUSY_GUILD_TICKETS, messages: 0, busyShare: 0.5 });
  } finally {
    await client.end();
  }
  prisma = createPrismaClient(database.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await database?.drop();
});

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function plan(query: TicketListQueryInput): Promise<PlanNode> {
  const { sql } = ticketListStatement(busyGuild, query);
  const rows = await prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(
    Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`,
  );
  const root = rows[0]?.['QUERY PLAN'][0]?.Plan;
  if (!root) throw new Error('EXPLAIN returned no plan');
  return root;
}

const FILTERS: TicketListQueryInput[] = [
  {},
  { status: 'open' },
  { status: 'closed' },
  { type: 'billing' },
  { assignee: 'none' },
  { assignee: SEEDED_STAFF_ID },
  { creator: SEEDED_CREATOR_ID },
  { openedAfter: new Date(Date.now() - 30 * 86_400_000) },
  { openedBefore: new Date(Date.now() - 600 * 86_400_000) },
  { timer: 'paused' },
  { status: 'open', type: 'support', timer: 'running' },
];

describe('ticket list plans on a seeded database', () => {
  it('reads every filter and sort, first page and later ones, through an index, never sorting the guild', async () => {
    const report: string[] = [];
    for (const filter of FILTERS) {
      for (const sort of TICKET_LIST_SORTS) {
        if (sort === 'closed' && filter.status === 'open') continue;
        for (const order of ['asc', 'desc'] as const) {
          const query = { ...filter, sort, order, limit: 50 };
          const first = await listTickets(prisma, busyGuild, query);
          const pages = [query, ...(first.nextCursor ? [{ ...query, cursor: first.nextCursor }] : [])];
          for (const page of pages) {
            const root = await plan(page);
            const all = nodes(root);
            const sorts = all.filter((node) => node['Node Type'].includes('Sort'));
            const scans = all.filter((node) => node['Relation Name'] === 'ticket');
            report.push(
              `${JSON.stringify(page.cursor ? { ...filter, cursor: '…' } : filter)} ${sort} ${order}: ` +
                all
                  .map((node) => `${node['Node Type']}${node['Index Name'] ? `(${node['Index Name']})` : ''}`)
                  .join(' > '),
            );
            expect(
              scans.every((node) => node['Node Type'] !== 'Seq Scan'),
              report.at(-1),
            ).toBe(true);
            // A sort is acceptable only over the few rows of one member's or one staff member's tickets, read
            // from the index on that column: never over the guild's tickets.
            for (const node of sorts) {
              const input = nodes(node).find((child) => child['Index Name']);
              expect(input?.['Index Name'], report.at(-1)).toMatch(/_(creator|assignee)_id_/);
              expect(filter.creator ?? filter.assignee, report.at(-1)).toBeDefined();
              expect(node['Plan Rows'], report.at(-1)).toBeLessThan(BUSY_GUILD_TICKETS / 10);
            }
          }
        }
      }
    }
  });
});
