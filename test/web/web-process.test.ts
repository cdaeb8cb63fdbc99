import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { freePort } from '../support/free-port.ts';
import { startDevServer } from '../support/temporal.ts';
import { eventually } from '../support/ticket-harness.ts';
import { type EntryProcess, getLocal, startEntry, stopAndSeeNotReady } from '../telemetry/entry-process.ts';
import { cookieFrom, locationOf } from './support/web-system.ts';

let db: TestDatabase;
let discord: DiscordSandbox;
let temporal: TestWorkflowEnvironment;
let web: EntryProcess;
let port: number;
let healthPort: number;

beforeAll(async () => {
  [port, healthPort] = [await freePort(), await freePort()];
  [db, discord, temporal] = await Promise.all([
    createTestDatabase(),
    createDiscordSandbox({ oauthRedirectUris: [`http://127.0.0.1:${port}/auth/callback`] }),
    freePort().then(startDevServer),
  ]);
  web = startEntry('web/server/main.ts', {
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporal.address,
    DISCORD_TOKEN: discord.bot.token,
    DISCORD_API_BASE_URL: discord.apiBaseUrl,
    DISCORD_CLIENT_ID: discord.bot.applicationId,
    DISCORD_CLIENT_SECRET: discord.bot.clientSecret,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEB_PORT: String(port),
    WEB_HEALTH_PORT: String(healthPort),
  });
}, 120_000);

afterAll(async () => {
  await web?.kill();
  await discord?.close();
  await temporal?.teardown();
  await db?.cleanup();
});

/** Signs in through the process and the local Discord's consent; returns the session cookie. */
async function signIn(userId: string): Promise<string> {
  const login = await fetch(`http://127.0.0.1:${port}/auth/login`, { redirect: 'manual' });
  discord.oauth.nextLogin(userId);
  const consent = await fetch(locationOf(login), { redirect: 'manual' });
  const landed = await fetch(locationOf(consent), {
    redirect: 'manual',
    headers: { cookie: cookieFrom(login, 'tf_login') },
  });
  expect(landed.status).toBe(303);
  return cookieFrom(landed, 'tf_session');
}

describe('the web process', () => {
  it('listens on WEB_PORT, logs JSON, and is ready once it listens and Postgres answers', async () => {
    const ready = await web.waitForLine((line) => line.msg === 'web ready');
    expect(ready).toMatchObject({ level: 'info', name: 'web', url: `http://127.0.0.1:${port}`, port });
    await eventually(async () => {
      const readyz = await getLocal(healthPort, '/readyz');
      expect(readyz.status).toBe(200);
      // Every check passes, these among them (later parts of the process add theirs).
      expect(JSON.parse(readyz.text)).toMatchObject({ status: 'ready', checks: { http: 'ok', postgres: 'ok' } });
    });
    expect((await getLocal(port, '/api/v1/me')).status).toBe(401);
  });

  it('sends sign-ins to the Discord of DISCORD_API_BASE_URL, and logs each request without its cookies', async () => {
    const login = await fetch(`http://127.0.0.1:${port}/auth/login`, {
      redirect: 'manual',
      headers: { cookie: 'tf_session=secret-cookie-value' },
    });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toMatch(new RegExp(`^${discord.url}/oauth2/authorize\\?`));
    const logged = await web.waitForLine((line) => line.path === '/auth/login');
    expect(logged).toMatchObject({ level: 'info', msg: 'request completed', method: 'GET', statusCode: 302 });
    expect(JSON.stringify(web.lines)).not.toContain('secret-cookie-value');
    expect(JSON.stringify(logged)).not.toContain(discord.bot.clientSecret);
  });

  it('counts its Discord requests by caller, route and status on the metrics port', async () => {
    const cookie = await signIn(discord.state.createUser({ username: 'erin' }).id);
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/guilds`, { headers: { cookie } })).status).toBe(200);
    const metrics = (await getLocal(healthPort, '/metrics')).text;
    for (const [caller, method, route] of [
      ['client', 'POST', '/oauth2/token'],
      ['user', 'GET', '/users/@me'],
      ['user', 'GET', '/users/@me/guilds'],
      ['bot', 'GET', '/users/@me/guilds'],
    ]) {
      const series = `ticketflow_web_discord_requests_total{caller="${caller}",method="${method}",route="${route}",status="200"}`;
      expect(metrics, series).toContain(series);
    }
  });

  it('on SIGTERM turns not ready, answers the request in flight, and exits 0', async () => {
    const user = discord.state.createUser({ username: 'dana' });
    const cookie = await signIn(user.id);
    // Discord takes 3 s to list her guilds: the request is in flight when the stop begins.
    discord.state.faults.inject({ route: 'GET /users/@me/guilds', delayMs: 3_000 });
    // The earlier tests listed guilds too: only a request made from here on shows this one has reached Discord.
    const from = discord.state.requestLog.length;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/guilds`, { headers: { cookie } });
    await eventually(() =>
      expect(discord.state.requestLog.slice(from).some((entry) => entry.path === '/users/@me/guilds')).toBe(true),
    );
    await stopAndSeeNotReady(web, healthPort, 'http');
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ guilds: [] });
    expect(await web.exited).toMatchObject({ code: 0 });
    expect(web.lines.some((line) => line.msg === 'web stopped')).toBe(true);
  });
});
