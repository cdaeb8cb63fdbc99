/**
 * Waits until the local Discord answers as the bot that demo.json names, then prints the Discord settings of the
 * worker, the bot and the web process as shell assignments, for `eval "$(npx tsx sandbox/demo/print-worker-env.ts)"`.
 * The output holds the bot token and the OAuth2 client secret: evaluate it, never log it. Gives up after --wait-seconds (default 30) with exit status 1.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadDemoEnv } from './demo-env.ts';
import { type DemoWorld, readDemoWorld } from './demo-world.ts';

const POLL_INTERVAL_MS = 200;

/** The demo world once its server answers its bot token; a stale demo.json from an earlier run does not count. */
async function answeringWorld(dataDir: string): Promise<DemoWorld> {
  const world = await readDemoWorld(dataDir);
  const response = await fetch(`${world.apiBaseUrl}/users/@me`, {
    headers: { Authorization: `Bot ${world.botToken}` },
    signal: AbortSignal.timeout(2_000),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`${world.apiBaseUrl} answers ${response.status} to the demo bot's token`);
  return world;
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'wait-seconds': { type: 'string', default: '30' } } });
  const waitSeconds = Number(values['wait-seconds']);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new Error('--wait-seconds must be a number of seconds');
  const { dataDir } = loadDemoEnv();
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      const world = await answeringWorld(dataDir);
      console.log(`export DISCORD_API_BASE_URL=${shellQuote(world.apiBaseUrl)}`);
      console.log(`export DISCORD_TOKEN=${shellQuote(world.botToken)}`);
      console.log(`export DISCORD_CLIENT_ID=${shellQuote(world.oauth.clientId)}`);
      console.log(`export DISCORD_CLIENT_SECRET=${shellQuote(world.oauth.clientSecret)}`);
      return;
    } catch (error) {
      if (Date.now() >= deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`the local Discord did not answer within ${waitSeconds}s: ${reason}`);
      }
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
