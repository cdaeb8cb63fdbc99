import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const migrationsDirectory = path.join(import.meta.dirname, 'migrations');

export interface MigrationFile {
  /** The folder name, as Prisma records it in `_prisma_migrations.migration_name`. */
  name: string;
  script: string;
  /** Prisma's checksum: lowercase hex sha256 of the file's bytes. */
  checksum: string;
}

export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

/**
 * Prisma compares checksums regardless of line endings (git may rewrite them on checkout), so a script matches
 * when its text, its LF form or its CRLF form hashes to the recorded checksum.
 */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const lf = script.replaceAll('\r\n', '\n');
  return [script, lf, lf.replaceAll('\n', '\r\n')].some((variant) => migrationChecksum(variant) === checksum);
}

/** The migrations in the order Prisma applies them: folder names sorted, each holding a migration.sql. */
export async function readMigrationFiles(directory: string = migrationsDirectory): Promise<MigrationFile[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(path.join(directory, name, 'migration.sql'), 'utf8');
      return { name, script, checksum: migrationChecksum(script) };
    }),
  );
}
