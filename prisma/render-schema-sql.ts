import { runWasmPrismaCli } from './wasm-prisma-cli.ts';

/**
 * The SQL that creates the schema in an empty database (`migrate diff --from-empty --to-schema-datamodel
 * --script`), rendered offline by Prisma 6.19's wasm engine. The engine insists on connecting to a database,
 * although this diff reads nothing from it: callers pass a scratch database.
 */
export function renderSchemaSql(databaseUrl: string, schemaFile?: string): Promise<string> {
  return runWasmPrismaCli(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'schema.prisma', '--script'], {
    databaseUrl,
    schemaFile,
  });
}
