import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, MigrationRefused } from '../../prisma/migrate.ts';
import { migrationChecksum, migrationsDirectory, readMigrationFiles } from '../../prisma/migration-files.ts';
import { dumpSchema } from '../../prisma/schema-dump.ts';
import { createScratchDatabase, type ScratchDatabase } from '../../prisma/scratch-database.ts';
import { runWasmPrismaCli } from '../../prisma/wasm-prisma-cli.ts';
import { testClusterUrl } from '../support/database.ts';

const scratches: ScratchDatabase[] = [];
let copies: string;

async function freshDatabase(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase(testClusterUrl(), 'ticketflow_migrate');
  scratches.push(database);
  return database;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A private copy of prisma/migrations that a test may edit. */
async function copyOfMigrations(): Promise<string> {
  const target = await mkdtemp(path.join(copies, 'migrations-'));
  await cp(migrationsDirectory, target, { recursive: true });
  return target;
}

beforeAll(async () => {
  copies = await mkdtemp(path.join(tmpdir(), 'ticketflow-migrations-test-'));
});

afterAll(async () => {
  await Promise.all(scratches.map((database) => database.drop()));
  await rm(copies, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  it('builds an empty database and records each migration as Prisma does', async () => {
    const database = await freshDatabase();
    const files = await readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);

    const result = await applyMigrations(database.url);
    expect(result).toEqual({ applied: files.map((file) => file.name), alreadyApplied: [] });

    const tables = await query<{ name: string }>(
      database.url,
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((table) => table.name)).toEqual([
      '_prisma_migrations',
      'billing_notice',
      'entitlement',
      'entitlement_audit',
      'entitlement_guild_assignment',
      'guild',
      'guild_blocked_user',
      'guild_staff_notice',
      'guild_staff_role',
      'guild_ticket_counter',
      'guild_ticket_label',
      'patreon_account_link',
      'routing_choice',
      'routing_turn',
      'staff_availability',
      'subscription',
      'ticket',
      'ticket_change',
      'ticket_change_horizon',
      'ticket_event',
      'ticket_member',
      'ticket_message',
      'ticket_question',
      'ticket_type',
      'web_login_attempt',
      'web_session',
      'webhook_delivery',
    ]);
    const records = await query<{
      id: string;
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>(database.url, 'SELECT * FROM _prisma_migrations ORDER BY started_at');
    expect(records).toHaveLength(files.length);
    for (const [index, file] of files.entries()) {
      const record = records[index];
      expect(record?.migration_name).toBe(file.name);
      expect(record?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(record?.checksum).toBe(
        migrationChecksum(await readFile(path.join(migrationsDirectory, file.name, 'migration.sql'), 'utf8')),
      );
      expect(record?.finished_at).toBeInstanceOf(Date);
      expect(record?.rolled_back_at).toBeNull();
      expect(record?.applied_steps_count).toBe(1);
      expect(record?.logs).toBeNull();
    }
  });

  it('applies nothing the second time', async () => {
    const database = await freshDatabase();
    await applyMigrations(database.url);
    const again = await applyMigrations(database.url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual((await readMigrationFiles()).map((file) => file.name));
    const [count] = await query<{ n: number }>(database.url, 'SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(count?.n).toBe(again.alreadyApplied.length);
  });

  it('lets two runs started at once apply each migration once', async () => {
    const database = await freshDatabase();
    const [first, second] = await Promise.all([applyMigrations(database.url), applyMigrations(database.url)]);
    const files = (await readMigrationFiles()).map((file) => file.name);
    expect([...first.applied, ...second.applied].sort()).toEqual(files);
    const [count] = await query<{ n: number }>(database.url, 'SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(count?.n).toBe(files.length);
  });

  it('applies only what is new, and accepts an applied file whose line endings git changed', async () => {
    const database = await freshDatabase();
    const directory = await copyOfMigrations();
    await applyMigrations(database.url, { directory });

    const [first] = await readMigrationFiles(directory);
    if (!first) throw new Error('no migration');
    const firstFile = path.join(directory, first.name, 'migration.sql');
    await writeFile(firstFile, first.script.replaceAll('\n', '\r\n'));
    await mkdir(path.join(directory, '99990101000000_add_ticket_escalations'));
    await writeFile(
      path.join(directory, '99990101000000_add_ticket_escalations', 'migration.sql'),
      'ALTER TABLE "ticket" ADD COLUMN "escalations" INTEGER NOT NULL DEFAULT 0;\n',
    );

    const result = await applyMigrations(database.url, { directory });
    expect(result.applied).toEqual(['99990101000000_add_ticket_escalations']);
    const columns = await query<{ name: string }>(
      database.url,
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'ticket' AND column_name = 'escalations'`,
    );
    expect(columns).toHaveLength(1);
  });

  it('refuses when an applied migration was edited, and changes nothing', async () => {
    const database = await freshDatabase();
    const directory = await copyOfMigrations();
    await applyMigrations(database.url, { directory });
    const [first] = await readMigrationFiles(directory);
    if (!first) throw new Error('no migration');
    await writeFile(path.join(directory, first.name, 'migration.sql'), `${first.script}\n-- edited afterwards\n`);
    await mkdir(path.join(directory, '99990101000000_next'));
    await writeFile(path.join(directory, '99990101000000_next', 'migration.sql'), 'CREATE TABLE "next" ("id" INT);\n');

    const run = applyMigrations(database.url, { directory });
    await expect(run).rejects.toBeInstanceOf(MigrationRefused);
    await expect(run).rejects.toThrow(`migration ${first.name} was changed after it was applied`);
    const next = await query<{ exists: boolean }>(database.url, `SELECT to_regclass('next') IS NOT NULL AS exists`);
    expect(next[0]?.exists).toBe(false);
  });

  it('rolls a failing migration back completely and records nothing for it', async () => {
    const database = await freshDatabase();
    const directory = await copyOfMigrations();
    await mkdir(path.join(directory, '99990101000000_broken'));
    await writeFile(
      path.join(directory, '99990101000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" ("id" INT);\nALTER TABLE "no_such_table" ADD COLUMN "x" INT;\n',
    );

    await expect(applyMigrations(database.url, { directory })).rejects.toThrow(
      /migration 99990101000000_broken failed and was rolled back, nothing of it is applied: .*no_such_table/,
    );
    const halfDone = await query<{ exists: boolean }>(
      database.url,
      `SELECT to_regclass('half_done') IS NOT NULL AS exists`,
    );
    expect(halfDone[0]?.exists).toBe(false);
    const names = await query<{ migration_name: string }>(
      database.url,
      'SELECT migration_name FROM _prisma_migrations',
    );
    expect(names.map((row) => row.migration_name)).toEqual((await readMigrationFiles()).map((file) => file.name));
  });

  it('refuses a database that has tables but no migration history', async () => {
    const database = await freshDatabase();
    await query(database.url, 'CREATE TABLE "legacy" ("id" INT)');
    await expect(applyMigrations(database.url)).rejects.toThrow(
      'the database already has tables (legacy) but no _prisma_migrations table',
    );
    const history = await query<{ exists: boolean }>(
      database.url,
      `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`,
    );
    expect(history[0]?.exists).toBe(false);
  });

  it('refuses while a migration Prisma recorded as started never finished', async () => {
    const database = await freshDatabase();
    await applyMigrations(database.url);
    await query(
      database.url,
      `INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('00000000-0000-4000-8000-000000000000', '${'0'.repeat(64)}', '99990101000000_crashed')`,
    );
    await expect(applyMigrations(database.url)).rejects.toThrow(
      'migration 99990101000000_crashed started but never finished',
    );
  });
});

/**
 * Prisma's own engine (6.19, wasm: the one that runs offline) reads and writes the same history as db:migrate.
 * Concurrent: after `migrate deploy` the wasm CLI waits out a 10 s timer its engine leaves pending, so the two overlap.
 */
describe.concurrent('compatibility with prisma migrate deploy', () => {
  it('finds nothing pending after db:migrate', async () => {
    const database = await freshDatabase();
    await applyMigrations(database.url);
    const output = await runWasmPrismaCli(['migrate', 'deploy'], { databaseUrl: database.url, migrationsDirectory });
    expect(output).toContain('No pending migrations to apply.');
    const [count] = await query<{ n: number }>(database.url, 'SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(count?.n).toBe((await readMigrationFiles()).length);
  });

  // @prisma/adapter-pg's executeScript, which this engine uses, cuts a script at every semicolon, even inside a
  // function's quoted body: a migration it would cut wrongly fails here (the change-feed trigger function avoids it).
  it('builds the same database as db:migrate', async () => {
    const [byPrisma, byUs] = await Promise.all([freshDatabase(), freshDatabase()]);
    await runWasmPrismaCli(['migrate', 'deploy'], { databaseUrl: byPrisma.url, migrationsDirectory });
    await applyMigrations(byUs.url);
    const [prismaDump, ourDump] = await Promise.all([dumpSchema(byPrisma.url), dumpSchema(byUs.url)]);
    expect(prismaDump).toContain('CREATE FUNCTION public.record_ticket_change()');
    expect(prismaDump).toBe(ourDump);
  });

  it('records what db:migrate records, and db:migrate accepts its history', async () => {
    const database = await freshDatabase();
    const output = await runWasmPrismaCli(['migrate', 'deploy'], { databaseUrl: database.url, migrationsDirectory });
    expect(output).toContain('All migrations have been successfully applied.');
    const records = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      database.url,
      'SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    const files = await readMigrationFiles();
    expect(records).toEqual(
      files.map((file) => ({ migration_name: file.name, checksum: file.checksum, applied_steps_count: 1 })),
    );
    expect(await applyMigrations(database.url)).toEqual({
      applied: [],
      alreadyApplied: files.map((file) => file.name),
    });
  });
});
