import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CrashBackoff, type CrashBackoffOptions } from './crash-backoff.ts';

export interface SupervisorOptions {
  /** How the terminal and restart.sh name it: `bot`, `worker`. */
  name: string;
  command: string[];
  /** Holds the pid of the running process itself (never a launcher), removed when it exits. */
  pidFile: string;
  /** How long a stop waits after SIGTERM before SIGKILL. */
  graceMs: number;
  backoff: CrashBackoffOptions;
  log(line: string): void;
}

/** How a process ended, as an operator reads it: `exited with status 1`, `was killed by SIGKILL`. */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `was killed by ${signal}` : `exited with status ${code}`;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Signals the whole process group the child leads, so nothing it started outlives it. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function removePidFileOf(pidFile: string, pid: number): void {
  try {
    if (readFileSync(pidFile, 'utf8').trim() === String(pid)) rmSync(pidFile);
  } catch {
    // Already removed.
  }
}

/**
 * Keeps one process running: starts it in a process group of its own, restarts it with backoff when it ends on
 * its own, restarts it at once when asked, and stops it (SIGTERM to the group, SIGKILL after the grace) for good.
 */
export class Supervisor {
  readonly #options: SupervisorOptions;
  readonly #backoff: CrashBackoff;
  #child: ChildProcess | null = null;
  #startedAt = 0;
  #restartTimer: NodeJS.Timeout | undefined;
  #restartWhenExited = false;
  #stopping = false;

  constructor(options: SupervisorOptions) {
    this.#options = options;
    this.#backoff = new CrashBackoff(options.backoff);
  }

  start(): void {
    const [executable, ...args] = this.#options.command;
    if (!executable) throw new Error('no command to supervise');
    const { name, log } = this.#options;
    this.#startedAt = Date.now();
    const child = spawn(executable, args, { detached: true, stdio: ['ignore', 'inherit', 'inherit'] });
    this.#child = child;
    let ended = false;
    const end = (code: number | null, signal: NodeJS.Signals | null, why?: string) => {
      if (ended) return;
      ended = true;
      this.#exited(child, why ?? describeExit(code, signal));
    };
    child.once('error', (error) => end(null, null, `could not be started: ${error.message}`));
    child.once('exit', (code, signal) => end(code, signal));
    if (child.pid === undefined) return;
    writeFileSync(this.#options.pidFile, `${child.pid}\n`);
    log(`the ${name} started (pid ${child.pid})`);
  }

  /** Restarts it now, whether it runs, waits to be restarted or was given up on. */
  restart(): void {
    if (this.#stopping) return;
    const { name, log } = this.#options;
    this.#backoff.reset();
    clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
    const child = this.#child;
    if (child) {
      log(`restarting the ${name} (pid ${child.pid}) on request`);
      this.#restartWhenExited = true;
      this.#terminate(child);
    } else {
      log(`starting the ${name} again on request`);
      this.start();
    }
  }

  /** Stops it for good and resolves once it and its process group are gone. */
  async stop(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#restartTimer);
    const child = this.#child;
    if (!child) return;
    this.#options.log(`stopping the ${this.#options.name} (pid ${child.pid})`);
    const exited = once(child, 'exit');
    this.#terminate(child);
    await exited;
  }

  #terminate(child: ChildProcess): void {
    const { pid } = child;
    if (pid === undefined) return;
    signalGroup(pid, 'SIGTERM');
    const { name, graceMs, log } = this.#options;
    const kill = setTimeout(() => {
      log(`the ${name} (pid ${pid}) did not stop within ${seconds(graceMs)}; killing it`);
      signalGroup(pid, 'SIGKILL');
    }, graceMs);
    child.once('exit', () => clearTimeout(kill));
  }

  #exited(child: ChildProcess, how: string): void {
    const { name, pidFile, log } = this.#options;
    this.#child = null;
    if (child.pid !== undefined) {
      // What the process started may still run in its group: a restarted bot must not meet its predecessor.
      signalGroup(child.pid, 'SIGKILL');
      removePidFileOf(pidFile, child.pid);
    }
    if (this.#stopping) return;
    if (this.#restartWhenExited) {
      this.#restartWhenExited = false;
      this.start();
      return;
    }
    const ranMs = Date.now() - this.#startedAt;
    const decision = this.#backoff.crashed(ranMs);
    const what = `the ${name}${child.pid === undefined ? '' : ` (pid ${child.pid})`} ${how} after ${seconds(ranMs)}`;
    if (decision.action === 'give-up') {
      log(
        `${what}; it crashed ${decision.fastCrashes} times in a row, each within ${seconds(this.#backoff.options.fastRunMs)} ` +
          `of starting, so it is not restarted again. Its output above says why; once that is fixed: bash scripts/restart.sh ${name}`,
      );
      return;
    }
    const streak = decision.fastCrashes
      ? ` (fast crash ${decision.fastCrashes} of ${this.#backoff.options.giveUpAfter} before giving up)`
      : '';
    log(`${what}; restarting it in ${seconds(decision.delayMs)}${streak}`);
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined;
      this.start();
    }, decision.delayMs);
  }
}
