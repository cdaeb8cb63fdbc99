/**
 * `npm run db:check-drift`: proves prisma/migrations and prisma/schema.prisma describe the same database.
 * Database A gets the migrations (as db:migrate applies them); database B gets the SQL Prisma's engine renders for
 * the schema from empty. Their schema dumps must be equal; on a difference this prints the diff and exits 1.
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
    await executeScript(fromSchema.url, await renderSchemaSql(fromSchema.url, sources.schemaFile));
    const [migrationsDump, schemaDump] = await Promise.all([dumpSchema(migrated.url), dumpSchema(fromSchema.url)]);
    if (migrationsDump === schemaDump) return { inSync: true, diff: '' };
    return { inSync: false, diff: await unifiedDiff(migrationsDump, schemaDump) };
  } finally {
    await Promise.all([migrated.drop(), fromSchema.drop()]);
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
