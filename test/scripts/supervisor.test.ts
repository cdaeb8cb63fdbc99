import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRunning, waitFor } from './process-probes.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the supervisor start.sh runs the bot and the worker under', () => {
  let folder: string;
  let supervisor: ChildProcess;
  let output: string;
  const pidFile = () => join(folder, 'demo.pid');
  /** The pid the supervisor recorded, once that process runs. */
  const recordedPid = () => {
    const pid = existsSync(pidFile()) ? Number(readFileSync(pidFile(), 'utf8')) : Number.NaN;
    return isRunning(pid) ? pid : undefined;
  };
  /** The pid of the grandchild the process started, once it has started it (and set up its signal handling). */
  const grandchildOf = (pid: number) =>
    waitFor('the grandchild', () => {
      const file = join(folder, `grandchild-${pid}`);
      return existsSync(file) ? Number(readFileSync(file, 'utf8')) : undefined;
    });
  const nextPid = (previous: number) =>
    waitFor('a new process', () => {
      const pid = recordedPid();
      return pid !== previous ? pid : undefined;
    });

  const startSupervisor = (graceSeconds = 5) => {
    output = '';
    supervisor = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/supervisor/supervise.ts',
        '--name',
        'demo',
        '--pid-file',
        pidFile(),
        '--grace-seconds',
        String(graceSeconds),
        '--first-delay-seconds',
        '0.1',
        '--fast-run-seconds',
        '5',
        '--give-up-after',
        '3',
        '--',
        process.execPath,
        '--import',
        'tsx',
        'test/scripts/supervised-child.ts',
        folder,
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    supervisor.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    return waitFor('the first process', recordedPid);
  };

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'ticketflow-supervisor-'));
  });

  afterEach(async () => {
    if (supervisor.exitCode === null && supervisor.signalCode === null) {
      supervisor.kill('SIGKILL');
      const pid = recordedPid();
      if (pid) process.kill(-pid, 'SIGKILL');
    }
    await rm(folder, { recursive: true, force: true });
  });

  it('restarts the real process when it is killed, saying how it ended, and keeps its process group clean', async () => {
    const first = await startSupervisor();
    const firstGrandchild = await grandchildOf(first);
    process.kill(first, 'SIGKILL');
    const second = await nextPid(first);
    expect(output).toMatch(
      new RegExp(`the demo \\(pid ${first}\\) was killed by SIGKILL after [\\d.]+ s; restarting it in 0\\.1 s`),
    );
    expect(output).toContain(`the demo started (pid ${second})`);
    // What the killed process had started went with it: a restarted bot never meets its predecessor.
    await waitFor('the old grandchild to go', () => (isRunning(firstGrandchild) ? undefined : true));
  });

  it('restarts it at once on SIGHUP (scripts/restart.sh), and stops it and its group for good on SIGTERM', async () => {
    const first = await startSupervisor();
    supervisor.kill('SIGHUP');
    const second = await nextPid(first);
    expect(output).toContain(`restarting the demo (pid ${first}) on request`);
    expect(output).not.toContain('was killed');
    const grandchild = await grandchildOf(second);

    const exited = once(supervisor, 'exit');
    supervisor.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(output).toContain(`stopping the demo (pid ${second})`);
    expect(isRunning(second)).toBe(false);
    // Killed with its group before the supervisor exits; on a busy machine it may take a moment to be gone.
    await waitFor('the grandchild to go', () => (isRunning(grandchild) ? undefined : true), 5_000);
    expect(existsSync(pidFile())).toBe(false);
  });

  it('kills a process that ignores SIGTERM once its grace is over', async () => {
    writeFileSync(join(folder, 'ignore-term'), '');
    const pid = await startSupervisor(0.5);
    await grandchildOf(pid);
    const exited = once(supervisor, 'exit');
    supervisor.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(output).toContain(`the demo (pid ${pid}) did not stop within 0.5 s; killing it`);
    expect(isRunning(pid)).toBe(false);
  });

  it('gives up after repeated fast crashes, saying so, and starts again when asked', async () => {
    const first = await startSupervisor();
    writeFileSync(join(folder, 'crash'), '');
    process.kill(first, 'SIGKILL');
    await waitFor('the supervisor to give up', () => (output.includes('not restarted again') ? true : undefined));
    expect(output).toMatch(/exited with status 3 after [\d.]+ s; restarting it in 0\.2 s \(fast crash 2 of 3/);
    expect(output).toContain(
      'it crashed 3 times in a row, each within 5 s of starting, so it is not restarted again. ' +
        'Its output above says why; once that is fixed: bash scripts/restart.sh demo',
    );
    expect(recordedPid()).toBeUndefined();
    expect(supervisor.exitCode).toBeNull();

    await rm(join(folder, 'crash'));
    supervisor.kill('SIGHUP');
    const again = await waitFor('a process after the restart', recordedPid);
    expect(output).toContain(`starting the demo again on request`);
    expect(output).toContain(`the demo started (pid ${again})`);
  });
});
