import { rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseEnv } from '../../config/parse-env.ts';

const demoEnvSchema = z.object({
  // Where the web process says it is (config/web-config.ts): the stand-ins post webhooks to it and send buyers back.
  PUBLIC_URL: z.url().optional(),
  WEB_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
});

/** The panel's origin as the web process computes it, for webhook and return URLs. */
export function panelOrigin(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = parseEnv(demoEnvSchema, env);
  return new URL(parsed.PUBLIC_URL ?? `http://localhost:${parsed.WEB_PORT}`).origin;
}

/**
 * Runs a stand-in for the no-credentials demo on 127.0.0.1 (`--port`, or its default): `--settings-file PATH` receives, once it listens, the provider's settings
 * as shell exports for scripts/start.sh to source (they are the stand-in's own made-up credentials, never real
 * ones). SIGINT or SIGTERM closes it.
 */
export async function serveStandIn(input: {
  name: string;
  defaultPort: number;
  start: (port: number) => Promise<{ baseUrl: string; settings: Record<string, string>; close: () => Promise<void> }>;
}): Promise<void> {
  const { values } = parseArgs({ options: { 'settings-file': { type: 'string' }, port: { type: 'string' } } });
  try {
    const port = values.port === undefined ? input.defaultPort : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port ${values.port} is not a port`);
    const standIn = await input.start(port);
    if (values['settings-file']) {
      const exports = Object.entries(standIn.settings)
        .map(([name, value]) => `export ${name}=${shellQuote(value)}\n`)
        .join('');
      // Written whole or not at all: start.sh waits for the file to appear.
      await writeFile(`${values['settings-file']}.partial`, exports, { mode: 0o600 });
      await rename(`${values['settings-file']}.partial`, values['settings-file']);
    }
    console.log(`${input.name} stand-in listening at ${standIn.baseUrl}`);
    const stop = () => {
      standIn.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${input.name} stand-in: ${message}`);
    process.exit(1);
  }
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
