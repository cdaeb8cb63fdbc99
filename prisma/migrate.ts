/**
 * Applies prisma/migrations to DATABASE_URL (`npm run db:migrate`), offline.
 *
 * Why not `prisma migrate deploy`: in Prisma 7 it needs the native schema engine, which the CLI downloads at run
 * time from binaries.prisma.sh, and our machines (and air-gapped self-hosters) cannot reach that host; Prisma 6's
 * WebAssembly engine fails `migrate deploy` on PostgreSQL. So this script does what `migrate deploy` does, and
 * records it exactly as Prisma does (same `_prisma_migrations` table, columns, checksum and advisory lock), so
 * `prisma migrate deploy`/`status` on a machine that has the engine sees these migrations as applied.
 *
 * Difference from Prisma: each migration runs inside one transaction together with its `_prisma_migrations` row,
 * so a failing migration leaves nothing behind (Prisma leaves a failed row that blocks later deploys). A script
 * must therefore be transaction-safe: no CREATE INDEX CONCURRENTLY, no BEGIN/COMMIT of its own.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { isEntryPoint } from './is-entry-point.ts';
import {
  type MigrationFile,
  migrationsDirectory,
  readMigrationFiles,
  scriptMatchesChecksum,
} from './migration-files.ts';
import { requireDatabaseUrl } from './require-database-url.ts';

/** The advisory lock key Prisma Migrate takes, so this script and `prisma migrate deploy` also exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/** Prisma's own DDL for its bookkeeping table (schema-engine, PostgreSQL flavour). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

interface MigrationRecord {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrateOptions {
  directory?: string;
  log?: (line: string) => void;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationRefused extends Error {
  override name = 'MigrationRefused';
}

export async function applyMigrations(connectionString: string, options: MigrateOptions = {}): Promise<MigrateResult> {
  const log = options.log ?? (() => {});
  const files = await readMigrationFiles(options.directory ?? migrationsDirectory);
  const client = new pg.Client({ connectionString, application_name: 'ticketflow-migrate' });
  await client.connect();
  try {
    await takeMigrateLock(client, log);
    try {
      const records = await loadMigrationRecords(client);
      const alreadyApplied = checkHistory(files, records, log);
      const pending = files.filter((file) => !alreadyApplied.includes(file.name));
      for (const file of pending) {
        await applyOne(client, file);
        log(`applied ${file.name}`);
      }
      return { applied: pending.map((file) => file.name), alreadyApplied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function takeMigrateLock(client: pg.Client, log: (line: string) => void): Promise<void> {
  const attempt = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
    PRISMA_MIGRATE_LOCK_KEY,
  ]);
  if (attempt.rows[0]?.locked) return;
  log('another migration run holds the lock; waiting for it to finish');
  await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
}

/** The recorded migrations; creates Prisma's table in an empty database, refuses a non-empty one without it. */
async function loadMigrationRecords(client: pg.Client): Promise<MigrationRecord[]> {
  const table = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`,
  );
  if (!table.rows[0]?.exists) {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    if (tables.rows.length > 0) {
      throw new MigrationRefused(
        `the database already has tables (${tables.rows.map((row) => row.name).join(', ')}) but no _prisma_migrations ` +
          'table, so its history is unknown; baseline it (prisma migrate resolve --applied <name>) or use an empty database',
      );
    }
    await client.query(CREATE_MIGRATIONS_TABLE);
    return [];
  }
  const result = await client.query<MigrationRecord>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at`,
  );
  return result.rows;
}

/** Names of the migrations already applied; refuses a failed or edited one. */
function checkHistory(files: MigrationFile[], records: MigrationRecord[], log: (line: string) => void): string[] {
  const failed = records.filter((record) => record.finished_at === null && record.rolled_back_at === null);
  if (failed.length > 0) {
    throw new MigrationRefused(
      `migration ${failed.map((record) => record.migration_name).join(', ')} started but never finished; ` +
        'repair the database, then mark it with `prisma migrate resolve --applied|--rolled-back <name>`',
    );
  }
  const applied = records.filter((record) => record.finished_at !== null && record.rolled_back_at === null);
  for (const record of applied) {
    const file = files.find((candidate) => candidate.name === record.migration_name);
    if (!file) {
      log(`the database has migration ${record.migration_name}, which this checkout does not know`);
    } else if (!scriptMatchesChecksum(file.script, record.checksum)) {
      throw new MigrationRefused(
        `migration ${record.migration_name} was changed after it was applied (checksum ${record.checksum} in the ` +
          `database, ${file.checksum} on disk); restore the applied file and put the change in a new migration`,
      );
    }
  }
  return [...new Set(applied.map((record) => record.migration_name))];
}

async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    const id = randomUUID();
    await client.query('INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)', [
      id,
      file.checksum,
      file.name,
    ]);
    await client.query(file.script);
    await client.query(
      'UPDATE _prisma_migrations SET applied_steps_count = 1, finished_at = clock_timestamp() WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${file.name} failed and was rolled back, nothing of it is applied: ${reason}`, {
      cause: error,
    });
  }
}

if (isEntryPoint(import.meta)) {
  try {
    const result = await applyMigrations(requireDatabaseUrl('db:migrate'), { log: (line) => console.log(line) });
    console.log(
      result.applied.length === 0
        ? `database is up to date (${result.alreadyApplied.length} migrations applied before)`
        : `applied ${result.applied.length} migration(s)`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
