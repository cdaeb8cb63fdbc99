/**
 * Panel data benchmark: seeds a database (bench/panel/seed.ts) and times the ticket list and the transcript search
 * through the store, each beside the same SQL run bare through node-postgres in the same run. Then pgbench
 * measures what the change-feed triggers and their per-guild lock cost message writes. Prints Markdown for
 * bench/panel/RESULTS.md.
 *
 *   npm run bench:panel [-- --tickets N --messages N --guilds N --busy-share F --samples N]
 *     defaults: 1,000,000 tickets, 10,000,000 messages, 1,000 guilds, busy guild 30%, 60 samples a query
 *   npx tsx bench/panel/run.ts ...   with DATABASE_URL a superuser URL on a cluster of your own
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createPrismaClient, type Prisma, type PrismaClient } from '../../prisma/client.ts';
import { applyMigrations } from '../../prisma/migrate.ts';
import { createScratchDatabase } from '../../prisma/scratch-database.ts';
import { encodeCursor } from '../../store/keyset-cursor.ts';
import { listTickets, ticketListStatement } from '../../store/ticket-list.ts';
import type { TicketListQueryInput } from '../../store/ticket-list-query.ts';
import { searchTranscripts, transcriptSearchStatement } from '../../store/transcript-search.ts';
import type { TranscriptSearchQueryInput } from '../../store/transcript-search-query.ts';
import { markdownTable } from '../tickets/markdown-table.ts';
import { percentile } from '../tickets/measure-rate.ts';
import { SEEDED_CREATOR_ID, SEEDED_STAFF_ID, seededGuildId, seedPanelData } from './seed.ts';

const run = promisify(execFile);

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} takes a positive number`);
  return value;
}

const seed = {
  tickets: option('--tickets', 1_000_000),
  messages: option('--messages', 10_000_000),
  guilds: option('--guilds', 1_000),
  busyShare: option('--busy-share', 0.3),
};
const SAMPLES = option('--samples', 60);
const WARM_UP = 5;
const busyGuild = seededGuildId(1);
const smallGuild = seededGuildId(seed.guilds);

interface Timing {
  name: string;
  rows: number;
  store: number[];
  bare: number[];
}

/** Times `viaStore` and the same statement bare, alternating, after a warm-up of both. */
async function time(
  name: string,
  bare: pg.Client,
  statement: Prisma.Sql,
  viaStore: () => Promise<number>,
): Promise<Timing> {
  const timing: Timing = { name, rows: 0, store: [], bare: [] };
  for (let sample = 0; sample < WARM_UP + SAMPLES; sample += 1) {
    let started = performance.now();
    timing.rows = await viaStore();
    const storeMs = performance.now() - started;
    started = performance.now();
    await bare.query(statement.text, statement.values as unknown[]);
    const bareMs = performance.now() - started;
    if (sample >= WARM_UP) {
      timing.store.push(storeMs);
      timing.bare.push(bareMs);
    }
  }
  return timing;
}

function listCase(prisma: PrismaClient, bare: pg.Client, name: string, guildId: string, query: TicketListQueryInput) {
  return time(name, bare, ticketListStatement(guildId, query).sql, async () => {
    return (await listTickets(prisma, guildId, query)).tickets.length;
  });
}

function searchCase(
  prisma: PrismaClient,
  bare: pg.Client,
  name: string,
  guildId: string,
  query: TranscriptSearchQueryInput,
) {
  return time(name, bare, transcriptSearchStatement(guildId, query).sql, async () => {
    return (await searchTranscripts(prisma, guildId, query)).transcripts.length;
  });
}

/** A cursor deep in the busy guild's list: after the row at `offset` in that ordering (found once, by OFFSET). */
async function deepCursor(bare: pg.Client, offset: number): Promise<string> {
  const row = await bare.query<{ opened_at: Date; id: string }>(
    `SELECT opened_at, id FROM ticket WHERE guild_id = $1 ORDER BY opened_at DESC, id DESC OFFSET $2 LIMIT 1`,
    [busyGuild, offset],
  );
  const found = row.rows[0];
  if (!found) throw new Error(`the busy guild has fewer than ${offset} tickets`);
  return encodeCursor({ ordering: 'tickets:opened:desc', key: found.opened_at.toISOString(), id: found.id });
}

/** Words of the seeded vocabulary: the most common, one of middling frequency, a rare one. */
async function vocabularyWords(bare: pg.Client): Promise<{ common: string; middling: string; rare: string }> {
  const stats = await bare.query<{ word: string; ndoc: number }>(
    `SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('simple', content) FROM ticket_message
                                        WHERE guild_id = '${smallGuild}'$$) ORDER BY ndoc DESC, word`,
  );
  const words = stats.rows;
  const at = (share: number) => words[Math.min(words.length - 1, Math.floor(words.length * share))]?.word ?? '';
  return { common: at(0), middling: at(0.05), rare: at(0.6) };
}

function summary(timings: Timing[]): string {
  const ms = (value: number) => value.toFixed(1);
  return markdownTable(
    ['query', 'rows', 'store p50 ms', 'store p95 ms', 'bare SQL p50 ms', 'bare SQL p95 ms', 'p95 store / bare'],
    timings.map((timing) => [
      timing.name,
      String(timing.rows),
      ms(percentile(timing.store, 50)),
      ms(percentile(timing.store, 95)),
      ms(percentile(timing.bare, 50)),
      ms(percentile(timing.bare, 95)),
      (percentile(timing.store, 95) / percentile(timing.bare, 95)).toFixed(2),
    ]),
  );
}

/**
 * pgbench, 8 clients for 15 s each: a message insert plus the ticket's last_activity_at update, as storeMessages
 * writes them, into random tickets of the busy guild (every writer needs the same guild lock) or of all guilds; with
 * the triggers as migrated, without the lock, without the notification, and with no triggers at all.
 */
async function measureWriteCost(url: string, bare: pg.Client): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ticketflow-pgbench-'));
  try {
    const busyTickets = Math.floor(seed.tickets * seed.busyShare);
    const script = (tickets: number) => `\\set n random(1, ${tickets})
BEGIN;
INSERT INTO ticket_message (id, guild_id, ticket_id, author_id, author_name, author_is_bot, content, attachments, created_at)
  SELECT gen_random_uuid()::text, guild_id, id, creator_id, 'bench', false, 'pgbench message', '[]', now()
    FROM ticket WHERE workflow_id = 'seeded-' || :n;
UPDATE ticket SET last_activity_at = now() WHERE workflow_id = 'seeded-' || :n;
COMMIT;
`;
    await writeFile(path.join(folder, 'busy.sql'), script(busyTickets));
    await writeFile(path.join(folder, 'all.sql'), script(seed.tickets));
    await bare.query('CREATE INDEX IF NOT EXISTS bench_ticket_workflow ON ticket (workflow_id)');
    const original = await bare.query<{ definition: string }>(
      `SELECT pg_get_functiondef('record_ticket_change()'::regprocedure) AS definition`,
    );
    const definition = original.rows[0]?.definition ?? '';
    const variants: [string, () => Promise<void>][] = [
      ['triggers with the guild lock (as migrated)', async () => {}],
      [
        'triggers without the lock',
        async () => {
          await bare.query(definition.replace(/PERFORM pg_advisory_xact_lock\([^;]*;/, ''));
        },
      ],
      [
        'triggers with the lock, without NOTIFY',
        async () => {
          await bare.query(definition.replace(/PERFORM pg_notify\([^;]*;/, ''));
        },
      ],
      [
        'no triggers',
        async () => {
          await bare.query(definition);
          for (const table of ['ticket', 'ticket_message', 'ticket_event']) {
            await bare.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
          }
        },
      ],
    ];
    const rows: string[][] = [];
    for (const [variant, apply] of variants) {
      await apply();
      const row = [variant];
      for (const target of ['busy', 'all']) {
        const { stdout } = await run(
          'pgbench',
          ['-n', '-c', '8', '-j', '2', '-T', '15', '-f', path.join(folder, `${target}.sql`), url],
          { maxBuffer: 16 * 1024 * 1024 },
        );
        const tps = /tps = ([\d.]+)/.exec(stdout)?.[1] ?? '?';
        const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1] ?? '?';
        row.push(`${Number(tps).toFixed(0)} tx/s, ${latency} ms`);
      }
      rows.push(row);
    }
    for (const table of ['ticket', 'ticket_message', 'ticket_event']) {
      await bare.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
    await bare.query('DROP INDEX bench_ticket_workflow');
    return markdownTable(['change feed writes', 'one busy guild (8 writers)', 'all guilds (8 writers)'], rows);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL must be a superuser URL (npm run bench:panel starts a cluster)');
  const database = await createScratchDatabase(adminUrl, 'ticketflow_bench_panel');
  const bare = new pg.Client({ connectionString: database.url });
  const prisma = createPrismaClient(database.url);
  try {
    await applyMigrations(database.url);
    await bare.connect();
    console.log(`seeding ${JSON.stringify(seed)} …`);
    const seedStarted = performance.now();
    await seedPanelData(bare, seed);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const sizes = await bare.query<{ tickets: string; messages: string; busy: string; bytes: string }>(
      `SELECT (SELECT count(*) FROM ticket) AS tickets, (SELECT count(*) FROM ticket_message) AS messages,
              (SELECT count(*) FROM ticket WHERE guild_id = $1) AS busy, pg_database_size(current_database()) AS bytes`,
      [busyGuild],
    );
    const size = sizes.rows[0];
    console.log(`seeded in ${seedSeconds.toFixed(0)} s: ${JSON.stringify(size)}`);
    const loadBefore = loadavg();

    const deep = await deepCursor(bare, Math.floor(Number(size?.busy ?? 0) / 2));
    const lists = [
      await listCase(prisma, bare, 'list: busy guild, first page, newest opened', busyGuild, { limit: 50 }),
      await listCase(prisma, bare, 'list: busy guild, page halfway down (keyset)', busyGuild, {
        limit: 50,
        cursor: deep,
      }),
      await listCase(prisma, bare, 'list: busy guild, open, by last activity', busyGuild, {
        status: 'open',
        sort: 'lastActivity',
        limit: 50,
      }),
      await listCase(prisma, bare, 'list: busy guild, closed billing, by closing', busyGuild, {
        type: 'billing',
        sort: 'closed',
        limit: 50,
      }),
      await listCase(prisma, bare, 'list: busy guild, one staff member’s, by number', busyGuild, {
        assignee: SEEDED_STAFF_ID,
        sort: 'number',
        limit: 50,
      }),
      await listCase(prisma, bare, 'list: busy guild, unassigned paused, oldest first', busyGuild, {
        assignee: 'none',
        timer: 'paused',
        order: 'asc',
        limit: 50,
      }),
      await listCase(prisma, bare, 'list: busy guild, one member’s (member view)', busyGuild, {
        creator: SEEDED_CREATOR_ID,
        limit: 50,
      }),
      await listCase(prisma, bare, 'list: small guild, first page', smallGuild, { limit: 50 }),
    ];
    const words = await vocabularyWords(bare);
    const searches = [
      await searchCase(prisma, bare, `search: busy guild, common word "${words.common}"`, busyGuild, {
        text: words.common,
      }),
      await searchCase(prisma, bare, `search: busy guild, middling word "${words.middling}"`, busyGuild, {
        text: words.middling,
      }),
      await searchCase(prisma, bare, `search: busy guild, rare word "${words.rare}"`, busyGuild, { text: words.rare }),
      await searchCase(prisma, bare, 'search: busy guild, two words in one message', busyGuild, {
        text: `${words.common} ${words.middling}`,
      }),
      await searchCase(prisma, bare, 'search: busy guild, one member’s, a middling word', busyGuild, {
        text: words.middling,
        creator: SEEDED_CREATOR_ID,
      }),
      await searchCase(prisma, bare, 'search: busy guild, close reason, no text', busyGuild, { reason: 'refund' }),
      await searchCase(prisma, bare, `search: small guild, middling word "${words.middling}"`, smallGuild, {
        text: words.middling,
      }),
    ];
    const loadAfter = loadavg();
    const writes = await measureWriteCost(database.url, bare);

    console.log(`\n## Run of ${new Date().toISOString()}\n`);
    console.log(
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; load average ` +
        `${loadBefore.map((value) => value.toFixed(1)).join(' / ')} before the timings, ` +
        `${loadAfter.map((value) => value.toFixed(1)).join(' / ')} after (shared with other work).`,
    );
    console.log(
      `Data: ${size?.tickets} tickets (${size?.busy} in the busy guild), ${size?.messages} messages, ${seed.guilds} ` +
        `guilds; ${(Number(size?.bytes) / 2 ** 30).toFixed(1)} GiB; seeded in ${seedSeconds.toFixed(0)} s. ` +
        `${SAMPLES} samples a query after ${WARM_UP} warm-up runs, store and bare SQL alternating.\n`,
    );
    console.log(summary([...lists, ...searches]));
    console.log(`\n${writes}`);
  } finally {
    await prisma.$disconnect();
    await bare.end().catch(() => {});
    await database.drop();
  }
}

await main();
