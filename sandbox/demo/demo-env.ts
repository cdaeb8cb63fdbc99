import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseEnv } from '../../config/parse-env.ts';

const demoEnvSchema = z.object({
  TICKETFLOW_DATA_DIR: z.string().min(1).optional(),
  DISCORD_SANDBOX_PORT: z.coerce.number().int().min(1).max(65_535).default(8790),
  // Where the web process says it is (config/web-config.ts): its sign-in callback is the demo app's redirect.
  PUBLIC_URL: z.url().optional(),
  WEB_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
});

export interface DemoEnv {
  /** Where the project keeps its local data; the local Discord lives in `<dataDir>/discord-sandbox/`. */
  dataDir: string;
  /** Where the local Discord listens, on 127.0.0.1. */
  port: number;
  /** The web panel's sign-in callback, which the demo bot's OAuth2 application accepts as its redirect. */
  panelRedirectUri: string;
}

/**
 * `$TICKETFLOW_DATA_DIR` (default `<repo>/.data`, where scripts/start.sh keeps its data), `$DISCORD_SANDBOX_PORT`
 * (default 8790), and the panel's callback from `$PUBLIC_URL` or `$WEB_PORT` as the web process reads them.
 */
export function loadDemoEnv(env: NodeJS.ProcessEnv = process.env): DemoEnv {
  const parsed = parseEnv(demoEnvSchema, env);
  return {
    dataDir: parsed.TICKETFLOW_DATA_DIR
      ? resolve(parsed.TICKETFLOW_DATA_DIR)
      : fileURLToPath(new URL('../../.data', import.meta.url)),
    port: parsed.DISCORD_SANDBOX_PORT,
    panelRedirectUri: `${new URL(parsed.PUBLIC_URL ?? `http://localhost:${parsed.WEB_PORT}`).origin}/auth/callback`,
  };
}
