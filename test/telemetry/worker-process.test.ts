import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTicketWorkflow, ticketWorkflowId } from '../../temporal/ticket-client.ts';
import { freePort } from '../support/free-port.ts';
import { eventually } from '../support/ticket-harness.ts';
import { SUPPORT_QUESTION, startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';
import {
  type EntryProcess,
  getLocal,
  type LogLine,
  startEntry,
  stopAndSeeNotReady,
  systemEnv,
} from './entry-process.ts';

let system: TicketflowSystem;
let bundleDir: string;
let worker: EntryProcess;
let healthPort: number;
let sdkMetricsPort: number;

/** What the image's build runs (Dockerfile: `npm run build:workflows`), here into a temporary file. */
async function buildWorkflowBundle(path: string): Promise<void> {
  await promisify(execFile)('npm', ['run', '--silent', 'build:workflows', '--', path], {
    cwd: new URL('../..', import.meta.url),
  });
}

beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'ticketflow-bundle-'));
  [system] = await Promise.all([
    startTicketflowSystem({ startWorker: false }),
    buildWorkflowBundle(join(bundleDir, 'workflow-bundle.js')),
  ]);
  [healthPort, sdkMetricsPort] = [await freePort(), await freePort()];
  worker = startEntry('temporal/worker.ts', {
    ...systemEnv(system),
    TRANSCRIPTS_DIR: system.transcriptsDir,
    WORKFLOW_BUNDLE_PATH: join(bundleDir, 'workflow-bundle.js'),
    WORKER_HEALTH_PORT: String(healthPort),
    WORKER_TEMPORAL_METRICS_PORT: String(sdkMetricsPort),
    WORKER_SHUTDOWN_GRACE_SECONDS: '20',
    LOG_LEVEL: 'debug',
  });
}, 240_000);

afterAll(async () => {
  await worker?.kill();
  await system?.close();
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});

/** A ticket opened by `member`: each test has its own, as a member's open limit and cooldown count per member. */
function open(requestId: string, member: string) {
  const request = {
    guildId: system.world.guild.id,
    type: 'support',
    creator: { id: system.userId(member), name: member },
    answers: [{ question: SUPPORT_QUESTION, answer: 'It broke.' }],
  };
  return openTicketWorkflow(system.temporal.client, { request, requestId, taskQueue: system.taskQueue });
}

describe('the worker process', () => {
  it('starts from the workflow bundle built ahead, alive at once and ready once it polls', async () => {
    const polling = await worker.waitForLine((line) => line.msg === 'worker polling');
    expect(polling).toMatchObject({ level: 'info', name: 'worker', workflows: join(bundleDir, 'workflow-bundle.js') });
    expect((await getLocal(healthPort, '/livez')).status).toBe(200);
    await eventually(async () => {
      const ready = await getLocal(healthPort, '/readyz');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.text)).toEqual({ status: 'ready', checks: { polling: 'ok', temporal: 'ok' } });
    });
    expect((await getLocal(healthPort, '/metrics')).text).toContain('process_cpu_seconds_total');
  });

  it("logs a failing activity and a held-up step with the ticket's guild, number and workflow id, and counts the failures for Prometheus", async () => {
    system.discord.state.faults.inject({ route: 'POST /channels/:id/threads', status: 500, times: 2 });
    system.discord.state.faults.inject({ route: 'POST /channels/:id/messages', status: 403 });
    const opened = await open('telemetry-failing', 'alice');
    if (opened.outcome !== 'opened') throw new Error(`the ticket did not open: ${JSON.stringify(opened)}`);
    const ticket = {
      workflowId: ticketWorkflowId(system.world.guild.id, 'telemetry-failing'),
      guildId: system.world.guild.id,
      ticketNumber: opened.number,
    };

    const failedThreadCreation = (line: LogLine) =>
      line.msg === 'Activity failed' && line.activityType === 'createTicketThread';
    await worker.waitForLine((line) => failedThreadCreation(line) && line.attempt === 2);
    const failedAttempts = worker.lines.filter(failedThreadCreation);
    expect(failedAttempts.map((line) => line.attempt)).toEqual([1, 2]);
    for (const line of failedAttempts) expect(line).toMatchObject({ level: 'warn', ...ticket });
    const heldUp = await worker.waitForLine((line) => line.msg === 'ticket step held up');
    expect(heldUp).toMatchObject({ level: 'warn', sdkComponent: 'workflow', runId: expect.any(String), ...ticket });

    await eventually(async () => {
      const metrics = (await getLocal(sdkMetricsPort, '/metrics')).text;
      expect(metrics).toMatch(
        /^temporal_activity_execution_failed\{[^}]*activity_type="createTicketThread"[^}]*\} 2$/m,
      );
    });
  });

  it('drains on SIGTERM: not ready at once, the running activity finishes, then it exits 0', async () => {
    system.discord.state.faults.inject({ route: 'POST /channels/:id/threads', delayMs: 4_000 });
    void open('telemetry-draining', 'bob').catch(() => undefined);
    // The thread request reached Discord, which answers it in 4 s: the activity is running.
    await eventually(() => expect(system.discord.state.faults.pendingCount).toBe(0));

    const signalledAt = await stopAndSeeNotReady(worker, healthPort, 'polling');
    const exit = await worker.exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalledAt).toBeGreaterThan(2_000);
    expect(exit.at - signalledAt).toBeLessThan(20_000);
    const workflowId = ticketWorkflowId(system.world.guild.id, 'telemetry-draining');
    const threadCreation = worker.lines.filter(
      (line) => line.workflowId === workflowId && line.activityType === 'createTicketThread',
    );
    expect(threadCreation.map((line) => line.msg)).toEqual(['Activity started', 'Activity completed']);
  });
});
