/**
 * Runs the Prisma 6.19 CLI (npm alias `prisma-wasm-engine`) with its WebAssembly schema engine, which works
 * offline, unlike Prisma 7's CLI whose migrate commands need a native engine downloaded at run time.
 *
 * Prisma 6 wants the datasource in the schema and its JS engine configured in its own config file, so both are
 * written to a temporary folder. The engine always connects to `databaseUrl` through @prisma/adapter-pg.
 * What it can do offline (measured with 6.19.3 on PostgreSQL 15): `migrate diff --from-empty
 * --to-schema-datamodel`, `migrate status`, `migrate deploy`; anything that reads a database's schema fails
 * ("Column type 'char' could not be deserialized"), and `--from-migrations` applies them to `databaseUrl` itself.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export const schemaPath = path.join(import.meta.dirname, 'schema.prisma');

export interface WasmPrismaOptions {
  databaseUrl: string;
  schemaFile?: string;
  migrationsDirectory?: string;
}

/** Runs `prisma <args>` in a folder holding `schema.prisma`; resolves with its stdout, rejects with its stderr. */
export async function runWasmPrismaCli(args: string[], options: WasmPrismaOptions): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'ticketflow-prisma6-'));
  try {
    const schema = await readFile(options.schemaFile ?? schemaPath, 'utf8');
    await writeFile(path.join(folder, 'schema.prisma'), toPrisma6Schema(schema));
    await writeFile(path.join(folder, 'prisma.config.ts'), wasmEngineConfig(options.migrationsDirectory));
    const cli = require.resolve('prisma-wasm-engine/build/index.js');
    const { stdout } = await run(process.execPath, [cli, ...args, '--config', 'prisma.config.ts'], {
      cwd: folder,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        // Any existing file stops the CLI from downloading native engines it will not use.
        PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
        PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
        CHECKPOINT_DISABLE: '1',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    }).catch((error: Error & { stderr?: string }) => {
      throw new Error(`prisma ${args.join(' ')} (6.19, wasm engine) failed: ${error.stderr?.trim() || error.message}`);
    });
    return stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Prisma 6 reads the URL from the schema's datasource; generators play no part in what this runs. */
function toPrisma6Schema(schema: string): string {
  const datasource = /datasource\s+db\s*\{[^}]*\}/;
  const generators = /generator\s+\w+\s*\{[^}]*\}/g;
  if (!datasource.test(schema)) throw new Error('schema.prisma has no `datasource db { ... }` block');
  return schema
    .replace(generators, '')
    .replace(datasource, 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}');
}

function wasmEngineConfig(migrationsDirectory: string | undefined): string {
  const config = require.resolve('prisma-wasm-engine/config');
  const adapter = require.resolve('@prisma/adapter-pg');
  const migrations = migrationsDirectory ? `\n  migrations: { path: ${JSON.stringify(migrationsDirectory)} },` : '';
  return `import { defineConfig } from ${JSON.stringify(config)};
import { PrismaPg } from ${JSON.stringify(adapter)};

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'schema.prisma',${migrations}
  // allowExitOnIdle: the CLI never closes the pool, which would otherwise hold the process for 10 s.
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true }),
});
`;
}
