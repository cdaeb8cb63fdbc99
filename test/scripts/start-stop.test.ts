import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { freePort } from '../support/free-port.ts';
import { startDevServer } from '../support/temporal.ts';
import { isRunning, waitFor } from './process-probes.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STARTUP_MS = 150_000;

/**
 * The start command as an operator runs it, in a data folder of its own, on a Postgres (DATABASE_URL) and a
 * Temporal server (TEMPORAL_ADDRESS) it did not start and so must leave running, with the local Discord and the
 * Stripe stand-in on free ports.
 */
describe('bash scripts/start.sh, restart.sh and stop.sh', () => {
  let db: TestDatabase;
  let temporal: TestWorkflowEnvironment;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let start: ChildProcess;
  let output = '';

  const runDir = () => join(dataDir, 'run');
  const recordedPid = (name: string) => {
    const file = join(runDir(), `${name}.pid`);
    const pid = existsSync(file) ? Number(readFileSync(file, 'utf8')) : Number.NaN;
    return isRunning(pid) ? pid : undefined;
  };
  const script = (name: string, ...args: string[]) =>
    spawnSync('bash', [`scripts/${name}`, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 180_000 });
  const startSystem = () => {
    output = '';
    start = spawn('bash', ['scripts/start.sh'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [start.stdout, start.stderr])
      stream?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
  };
  const started = (line: string | RegExp) =>
    waitFor(`start.sh to print ${line}`, () => (output.match(line) ? true : undefined), STARTUP_MS);

  beforeAll(async () => {
    [db, temporal, dataDir] = await Promise.all([
      createTestDatabase(),
      freePort().then(startDevServer),
      mkdtemp(join(tmpdir(), 'ticketflow-start-')),
    ]);
    env = {
      ...process.env,
      TICKETFLOW_DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `ticketflow-start-${process.pid}`,
      DISCORD_SANDBOX_PORT: String(await freePort()),
      STRIPE_SANDBOX_PORT: String(await freePort()),
      PAYPAL_STAND_IN_PORT: String(await freePort()),
      PATREON_STAND_IN_PORT: String(await freePort()),
      TRANSCRIPTS_DIR: join(dataDir, 'transcripts'),
      WEB_PORT: String(await freePort()),
      WEB_HEALTH_PORT: '0',
    };
    delete env.PUBLIC_URL;
    delete env.DISCORD_TOKEN;
    delete env.STRIPE_SECRET_KEY;
    startSystem();
    await started(/worker polling/);
    await started(/bot ready/);
    await started(/web ready/);
  }, STARTUP_MS + 60_000);

  afterAll(async () => {
    if (start && isRunning(start.pid ?? 0)) {
      const exited = once(start, 'exit');
      process.kill(start.pid ?? 0, 'SIGTERM');
      await exited;
    }
    if (dataDir) script('stop.sh');
    await temporal?.teardown();
    await db?.cleanup();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 180_000);

  it('runs the bot, the worker, the web process, the local Discord and the Stripe stand-in as the real processes, on the Node.js package.json asks for', () => {
    const wanted = Number(
      />=(\d+)/.exec(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node)?.[1],
    );
    expect(output.match(/Node\.js v\d+/g)).toHaveLength(1);
    for (const [name, entry] of [
      ['bot', 'bot/main.ts'],
      ['worker', 'temporal/worker.ts'],
      ['web', 'web/server/main.ts'],
      ['local-discord', 'sandbox/demo/serve.ts'],
      ['local-stripe', 'sandbox/billing/stripe/serve.ts'],
    ]) {
      const pid = recordedPid(name ?? '');
      expect(pid, name).toBeDefined();
      // The recorded pid is the process that runs the entry, not npm or tsx's launcher around it.
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toEqual(
        expect.arrayContaining(['--import', 'tsx', entry]),
      );
      const version = execFileSync(readlinkSync(`/proc/${pid}/exe`), ['--version'], { encoding: 'utf8' });
      expect(Number(/^v(\d+)/.exec(version)?.[1]), `${name} runs on ${version}`).toBeGreaterThanOrEqual(wanted);
    }
  });

  it('serves the panel at the address it prints, signing in through the local Discord', async () => {
    const panel = `http://localhost:${env.WEB_PORT}`;
    expect(output).toContain(`[ticketflow] panel: ${panel}`);
    const landing = await fetch(`${panel}/`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('Sign in with Discord');
    const login = await fetch(`${panel}/auth/login`, { redirect: 'manual' });
    const loginCookie = login.headers
      .getSetCookie()
      .map((cookie) => cookie.split(';')[0])
      .join('; ');
    const authorize = new URL(login.headers.get('location') ?? '');
    const consent = await fetch(authorize, { redirect: 'manual' });
    // The local Discord knows the panel's callback: its consent page lists whom to sign in as.
    expect(consent.status).toBe(200);
    const page = await consent.text();
    expect(page).toContain('Sign in to the local Discord as');
    const asSam = /<a href="([^"]+)">sam<\/a>/.exec(page)?.[1]?.replaceAll('&#38;', '&') ?? '';
    const chosen = await fetch(new URL(asSam, authorize), { redirect: 'manual' });
    const callback = await fetch(chosen.headers.get('location') ?? '', {
      redirect: 'manual',
      headers: { cookie: loginCookie },
    });
    const session = callback.headers.getSetCookie().find((cookie) => cookie.startsWith('tf_session='));
    const guilds = await fetch(`${panel}/api/v1/guilds`, { headers: { cookie: session?.split(';')[0] ?? '' } });
    expect(((await guilds.json()) as { guilds: { name: string }[] }).guilds.map((guild) => guild.name)).toEqual([
      'Ticketflow Demo',
    ]);
  });

  it('refuses a second start while the first runs, and starts nothing', () => {
    const pids = ['bot', 'worker', 'local-discord'].map(recordedPid);
    const second = script('start.sh');
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(
      /Ticketflow already runs here: bash scripts\/start\.sh \(pid \d+\) with .*the bot \(pid/,
    );
    expect(second.stderr).toContain('bash scripts/restart.sh bot|worker|web');
    expect(['bot', 'worker', 'local-discord'].map(recordedPid)).toEqual(pids);
  });

  it('restarts a worker that died, and keeps everything else running', async () => {
    const worker = recordedPid('worker') ?? 0;
    const bot = recordedPid('bot');
    process.kill(worker, 'SIGKILL');
    const restarted = await waitFor('a new worker', () => {
      const pid = recordedPid('worker');
      return pid && pid !== worker ? pid : undefined;
    });
    expect(output).toMatch(
      new RegExp(`the worker \\(pid ${worker}\\) was killed by SIGKILL after [\\d.]+ s; restarting it`),
    );
    expect(output).toContain(`the worker started (pid ${restarted})`);
    expect(recordedPid('bot')).toBe(bot);
    expect(isRunning(start.pid ?? 0)).toBe(true);
  });

  it('restarts the bot on request with restart.sh', () => {
    const bot = recordedPid('bot');
    const restart = script('restart.sh', 'bot');
    expect(restart.status).toBe(0);
    const now = recordedPid('bot');
    expect(now).toBeDefined();
    expect(now).not.toBe(bot);
    expect(restart.stderr).toContain(`the bot restarted (pid ${now})`);
    expect(script('restart.sh', 'postgres').stderr).toContain("there is no process called 'postgres'");
  });

  it('stops exactly what it started with stop.sh, leaving the Postgres and Temporal it was given running', async () => {
    const standIns = ['paypal-stand-in', 'patreon-stand-in'].map(recordedPid);
    expect(standIns.every((pid) => pid !== undefined)).toBe(true);
    const pids = [
      'web',
      'bot',
      'worker',
      'web-supervisor',
      'bot-supervisor',
      'worker-supervisor',
      'local-discord',
      'local-stripe',
    ]
      .map(recordedPid)
      .concat(standIns);
    const exited = once(start, 'exit');
    const stop = script('stop.sh');
    expect(stop.status).toBe(0);
    expect(stop.stderr).toContain('[ticketflow] stopped');
    await exited;
    for (const pid of pids) expect(isRunning(pid ?? 0)).toBe(false);
    expect(readdirSync(runDir()).filter((file) => file.endsWith('.pid'))).toEqual([]);
    expect(output.indexOf('stopping the web (')).toBeLessThan(output.indexOf('stopping the bot ('));
    expect(output.indexOf('stopping the bot (')).toBeLessThan(output.indexOf('stopping the worker ('));
    expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    await expect(temporal.connection.workflowService.getSystemInfo({})).resolves.toBeDefined();
  });

  it(
    'after a start.sh that was killed, refuses to start again until stop.sh stops what it left',
    async () => {
      startSystem();
      await started(/the bot started/);
      const left = [
        'bot',
        'worker',
        'bot-supervisor',
        'worker-supervisor',
        'local-discord',
        'local-stripe',
        'paypal-stand-in',
        'patreon-stand-in',
      ].map(recordedPid);
      const exited = once(start, 'exit');
      process.kill(start.pid ?? 0, 'SIGKILL');
      await exited;

      const again = script('start.sh');
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/an earlier bash scripts\/start\.sh left these running: .*the bot \(pid \d+\)/);
      expect(again.stderr).toContain('bash scripts/stop.sh');

      const stop = script('stop.sh');
      expect(stop.status).toBe(0);
      for (const pid of left) expect(isRunning(pid ?? 0)).toBe(false);
      expect(script('stop.sh').stderr).toContain('nothing that bash scripts/start.sh started is running');
    },
    STARTUP_MS,
  );
});
