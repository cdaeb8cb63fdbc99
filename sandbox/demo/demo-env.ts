import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEnv } from '../../config/parse-env.ts';

const demoEnvSchema = z.object({
  TICKETFLOW_DATA_DIR: z.string().min(1).optional(),
  DISCORD_SANDBOX_PORT: z.coerce.number().int().min(1).max(65_535).default(8790),
});

export interface DemoEnv {
  /** Where the project keeps its local data; the local Discord lives in `<dataDir>/discord-sandbox/`. */
  dataDir: string;
  /** Where the local Discord listens, on 127.0.0.1. */
  port: number;
}

/** `$TICKETFLOW_DATA_DIR` (default `<repo>/.data`, where scripts/start.sh keeps its data) and `$DISCORD_SANDBOX_PORT` (default 8790). */
export function loadDemoEnv(env: NodeJS.ProcessEnv = process.env): DemoEnv {
  const parsed = parseEnv(demoEnvSchema, env);
  return {
    dataDir: parsed.TICKETFLOW_DATA_DIR
      ? resolve(parsed.TICKETFLOW_DATA_DIR)
      : fileURLToPath(new URL('../../.data', import.meta.url)),
    port: parsed.DISCORD_SANDBOX_PORT,
  };
}
