import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * pg_dump refuses a server newer than itself, so prefer PG_DUMP, then the newest Debian install, then PATH.
 */
function pgDumpExecutable(): string {
  if (process.env.PG_DUMP) return process.env.PG_DUMP;
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const newest = readdirSync(debianRoot)
      .filter((version) => /^\d+$/.test(version) && existsSync(`${debianRoot}/${version}/bin/pg_dump`))
      .sort((a, b) => Number(b) - Number(a))[0];
    if (newest) return `${debianRoot}/${newest}/bin/pg_dump`;
  }
  return 'pg_dump';
}

/**
 * The database's schema as pg_dump prints it, without Prisma's bookkeeping table and without what differs between
 * two dumps of the same schema: comments, SET lines, pg_dump's random \restrict keys, and column order (a column
 * added by a later migration comes last, while a fresh schema puts it where the model declares it).
 */
export async function dumpSchema(databaseUrl: string): Promise<string> {
  const { stdout } = await run(
    pgDumpExecutable(),
    ['--schema-only', '--no-owner', '--no-privileges', '--exclude-table=_prisma_migrations', '--dbname', databaseUrl],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return normalizeDump(stdout);
}

export function normalizeDump(dump: string): string {
  const lines = dump
    .split('\n')
    .filter(
      (line) =>
        line.trim() !== '' && !line.startsWith('--') && !/^(SET |SELECT pg_catalog\.|\\(un)?restrict )/.test(line),
    );
  const out: string[] = [];
  let columns: string[] | null = null;
  for (const line of lines) {
    if (columns) {
      if (line === ');') {
        out.push(...columns.map((column) => column.replace(/,$/, '')).sort(), line);
        columns = null;
      } else {
        columns.push(line);
      }
    } else {
      out.push(line);
      if (/^CREATE TABLE .*\($/.test(line)) columns = [];
    }
  }
  return `${out.join('\n')}\n`;
}
