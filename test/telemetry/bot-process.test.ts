import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.ts';
import { eventually } from '../support/ticket-harness.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';
import { type EntryProcess, getLocal, startEntry, stopAndSeeNotReady, systemEnv } from './entry-process.ts';

let system: TicketflowSystem;
let bot: EntryProcess;
let healthPort: number;
let sdkMetricsPort: number;

beforeAll(async () => {
  system = await startTicketflowSystem({ startWorker: false });
  // One bot per token: the harness's in-process bot makes way for the real process.
  await system.bot.destroy();
  [healthPort, sdkMetricsPort] = [await freePort(), await freePort()];
  bot = startEntry('bot/main.ts', {
    ...systemEnv(system),
    BOT_HEALTH_PORT: String(healthPort),
    BOT_TEMPORAL_METRICS_PORT: String(sdkMetricsPort),
    BOT_SHUTDOWN_GRACE_SECONDS: '10',
  });
}, 240_000);

afterAll(async () => {
  await bot?.kill();
  await system?.close();
});

/** `/ticket list` in #tickets: the bot defers, reads Postgres, and edits its answer in. */
function listTickets(member: string) {
  return system.discord.driver
    .as(system.userId(member))
    .runSlashCommand(system.channelId('tickets'), 'ticket', { subcommand: 'list' });
}

/** The value of one series in Prometheus' text format; 0 when it is not there yet. */
function sample(metrics: string, series: string): number {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('the bot process', () => {
  it('is alive, and ready once its gateway session is, Temporal answers and Postgres does', async () => {
    expect(await bot.waitForLine((line) => line.msg === 'bot ready')).toMatchObject({ level: 'info', name: 'bot' });
    expect((await getLocal(healthPort, '/livez')).status).toBe(200);
    await eventually(async () => {
      const ready = await getLocal(healthPort, '/readyz');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.text)).toEqual({
        status: 'ready',
        checks: { gateway: 'ok', temporal: 'ok', postgres: 'ok' },
      });
    });
    // Once ready, the bot registers /ticket in the guild; the next tests use it.
    await eventually(() => listTickets('sam').waitForReply(10_000));
  });

  it('counts interactions by kind and outcome, Discord requests and 429s, and gateway reconnects and resumes', async () => {
    const before = (await getLocal(healthPort, '/metrics')).text;
    system.discord.state.faults.inject({
      route: 'PATCH /webhooks/:id/:token/messages/:message',
      status: 429,
      retryAfterSeconds: 0.2,
    });
    await listTickets('sam').waitForReply(30_000);
    system.discord.gateway.closeAll(4000);
    await system.discord.gateway.waitFor('resume', 1, 30_000);

    const editOriginal = 'method="PATCH",route="/webhooks/:id/:token/messages/%40original"';
    const increments = {
      'ticketflow_bot_interaction_duration_seconds_count{kind="command",outcome="answered"}': 1,
      'ticketflow_bot_discord_requests_total{method="POST",route="/interactions/:id/:token/callback",status="204"}': 1,
      [`ticketflow_bot_discord_requests_total{${editOriginal},status="429"}`]: 1,
      [`ticketflow_bot_discord_requests_total{${editOriginal},status="200"}`]: 1,
      'ticketflow_bot_discord_rate_limited_total{route="/webhooks/:id/:token/messages/%40original",global="false"}': 1,
      'ticketflow_bot_gateway_reconnects_total{shard="0"}': 1,
      'ticketflow_bot_gateway_resumes_total{shard="0"}': 1,
    };
    await eventually(async () => {
      const after = (await getLocal(healthPort, '/metrics')).text;
      const seen = Object.fromEntries(
        Object.keys(increments).map((series) => [series, sample(after, series) - sample(before, series)]),
      );
      expect(seen).toEqual(increments);
      expect(sample(after, 'ticketflow_bot_gateway_shard_status{shard="0",status="ready"}')).toBe(1);
      expect(sample(after, 'ticketflow_bot_gateway_shard_status{shard="0",status="resuming"}')).toBe(0);
    });
    // The SDK's own metrics: the client requests of the bot's NativeConnection (readiness probes among them).
    expect((await getLocal(sdkMetricsPort, '/metrics')).text).toMatch(
      /^temporal_request\{[^}]*operation="GetSystemInfo"/m,
    );
    expect(JSON.stringify(bot.lines)).not.toContain(system.discord.bot.token);
  });

  it('logs a failed interaction with its guild, channel and id, and counts failures and refusals apart', async () => {
    const outcomes = ['failed', 'refused'].map(
      (outcome) => `ticketflow_bot_interaction_duration_seconds_count{kind="command",outcome="${outcome}"}`,
    );
    const before = (await getLocal(healthPort, '/metrics')).text;
    // Discord fails the acknowledgement and its three retries: the bot apologises and logs why.
    system.discord.state.faults.inject({ route: 'POST /interactions/:id/:token/callback', status: 500, times: 4 });
    const failed = listTickets('bob');
    expect((await failed.waitForReply(30_000)).content).toContain('Could not reach the ticket service');
    const logged = await bot.waitForLine((line) => line.level === 'error' && line.interactionId === failed.id);
    expect(logged).toMatchObject({
      name: 'bot',
      kind: 'command',
      guildId: system.world.guild.id,
      channelId: system.channelId('tickets'),
      err: { message: expect.any(String), stack: expect.any(String) },
    });
    // Outside a ticket thread, closing is refused in plain words: nothing to log.
    const refused = system.discord.driver
      .as(system.userId('alice'))
      .runSlashCommand(system.channelId('tickets'), 'ticket', { subcommand: 'close' });
    await refused.waitForReply(30_000);
    expect(bot.lines.some((line) => line.interactionId === refused.id)).toBe(false);

    await eventually(async () => {
      const after = (await getLocal(healthPort, '/metrics')).text;
      expect(outcomes.map((series) => sample(after, series) - sample(before, series))).toEqual([1, 1]);
    });
  });

  it('on SIGTERM stops taking interactions, finishes the one it is answering, and exits', async () => {
    // Discord takes 3 s to acknowledge the next answer: an interaction is in flight when the signal comes.
    system.discord.state.faults.inject({ route: 'POST /interactions/:id/:token/callback', delayMs: 3_000 });
    const inFlight = listTickets('sam');
    await eventually(() => expect(system.discord.state.faults.pendingCount).toBe(0));

    const signalledAt = await stopAndSeeNotReady(bot, healthPort, 'gateway');
    const late = await listTickets('alice').waitForReply(10_000);
    expect(late.content).toBe('Ticketflow is restarting; please try again in a moment.');
    expect((await inFlight.waitForReply(10_000)).content).not.toContain('restarting');

    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalledAt).toBeGreaterThan(1_500);
    expect(exit.at - signalledAt).toBeLessThan(10_000);
  });
});
