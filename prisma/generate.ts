/**
 * `npm run db:generate`: `prisma generate`, offline. The Prisma 7 CLI downloads its native schema engine at start
 * even though generating the client never runs it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing executable
 * skips the download. An engine path the user set already is kept.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE ?? '1',
  },
});
process.exitCode = result.status ?? 1;
