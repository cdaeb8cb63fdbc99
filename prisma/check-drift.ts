/**
 * `npm run db:check-drift`: proves prisma/migrations and prisma/schema.prisma describe the same database.
 * Database A gets the migrations (as db:migrate applies them); database B gets the SQL Prisma's engine renders for
 * the schema from empty. Their schema dumps must be equal; on a difference this prints the diff and exits 1.
 *
 * What Prisma's schema language cannot describe (functions, triggers, CHECK constraints, indexes on expressions
 * such as the full-text index) lives only in migrations: it is set aside from A before the comparison and listed in
 * the report, so it is visible without counting as drift.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { isEntryPoint } from './is-entry-point.ts';
import { applyMigrations } from './migrate.ts';
import { renderSchemaSql } from './render-schema-sql.ts';
import { requireDatabaseUrl } from './require-database-url.ts';
import { dumpSchema } from './schema-dump.ts';
import { createScratchDatabase } from './scratch-database.ts';

export interface DriftReport {
  inSync: boolean;
  /** Unified diff from the migrated database to the schema's database; empty when in sync. */
  diff: string;
  /** The migrations' objects schema.prisma cannot describe, left out of the comparison, e.g. `trigger x on ticket`. */
  beyondSchema: string[];
}

export interface DriftSources {
  migrationsDirectory?: string;
  schemaFile?: string;
}

/** `adminUrl` must be allowed to create databases; the two scratch databases are dropped afterwards. */
export async function checkDrift(adminUrl: string, sources: DriftSources = {}): Promise<DriftReport> {
  const [migrated, fromSchema] = await Promise.all([
    createScratchDatabase(adminUrl, 'drift_migrations'),
    createScratchDatabase(adminUrl, 'drift_schema'),
  ]);
  try {
    await applyMigrations(migrated.url, { directory: sources.migrationsDirectory });
    const beyondSchema = await setAsideWhatPrismaCannotDescribe(migrated.url);
    await executeScript(fromSchema.url, await renderSchemaSql(fromSchema.url, sources.schemaFile));
    const [migrationsDump, schemaDump] = await Promise.all([dumpSchema(migrated.url), dumpSchema(fromSchema.url)]);
    if (migrationsDump === schemaDump) return { inSync: true, diff: '', beyondSchema };
    return { inSync: false, diff: await unifiedDiff(migrationsDump, schemaDump), beyondSchema };
  } finally {
    await Promise.all([migrated.drop(), fromSchema.drop()]);
  }
}

/** Drops (from the scratch database) and names the triggers, expression indexes, CHECKs and functions. */
async function setAsideWhatPrismaCannotDescribe(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ label: string; drop: string }>(
      `SELECT format('trigger %s on %s', t.tgname, t.tgrelid::regclass) AS label,
              format('DROP TRIGGER %I ON %s', t.tgname, t.tgrelid::regclass) AS drop, 1 AS step
         FROM pg_trigger t WHERE NOT t.tgisinternal
       UNION ALL
       SELECT format('index %s (an expression)', i.indexrelid::regclass),
              format('DROP INDEX %s', i.indexrelid::regclass), 2
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
        WHERE i.indexprs IS NOT NULL AND c.relnamespace = current_schema()::regnamespace
       UNION ALL
       SELECT format('check %s on %s', c.conname, c.conrelid::regclass),
              format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname), 3
         FROM pg_constraint c
        WHERE c.contype = 'c' AND c.conrelid <> 0 AND c.connamespace = current_schema()::regnamespace
       UNION ALL
       SELECT format('function %s', p.oid::regprocedure), format('DROP FUNCTION %s', p.oid::regprocedure), 4
         FROM pg_proc p
        WHERE p.pronamespace = current_schema()::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
       ORDER BY step, label`,
    );
    for (const row of rows) await client.query(row.drop);
    return rows.map((row) => row.label);
  } finally {
    await client.end();
  }
}

async function executeScript(url: string, script: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}

async function unifiedDiff(migrations: string, schema: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ticketflow-drift-'));
  try {
    await writeFile(path.join(folder, 'migrations.sql'), migrations);
    await writeFile(path.join(folder, 'schema.sql'), schema);
    // diff exits 1 when the files differ: that is the expected case here.
    return await new Promise<string>((resolve, reject) => {
      execFile(
        'diff',
        ['-u', '--label', 'applied migrations', '--label', 'schema.prisma', 'migrations.sql', 'schema.sql'],
        { cwd: folder },
        (error, stdout) => (error && error.code !== 1 ? reject(error) : resolve(stdout)),
      );
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (isEntryPoint(import.meta)) {
  try {
    const report = await checkDrift(requireDatabaseUrl('db:check-drift'));
    if (report.beyondSchema.length > 0) {
      console.log(`only in migrations (schema.prisma cannot describe them): ${report.beyondSchema.join(', ')}`);
    }
    if (report.inSync) {
      console.log('prisma/migrations and prisma/schema.prisma agree');
    } else {
      console.error(
        'prisma/migrations and prisma/schema.prisma disagree; add a migration that makes the difference vanish:\n',
      );
      console.error(report.diff);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
