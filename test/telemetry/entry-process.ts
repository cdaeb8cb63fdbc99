import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { eventually } from '../support/ticket-harness.ts';
import type { TicketflowSystem } from '../support/ticketflow-system.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

/** A product entry point (`bot/main.ts`, `temporal/worker.ts`) running as production runs it, its JSON log read. */
export interface EntryProcess {
  readonly child: ChildProcess;
  /** Every JSON line it wrote so far; lines that are not JSON are kept as `{ text }`. */
  readonly lines: LogLine[];
  /** The first line (seen or to come) that `matches`; rejects when the process exits first or after the timeout. */
  waitForLine(matches: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Its exit code and when it exited (`performance.now()`). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Ends it with SIGKILL if it still runs (test cleanup). */
  kill(): Promise<void>;
}

export function startEntry(entry: string, env: Record<string, string>): EntryProcess {
  // Node with tsx's loader, not the tsx CLI, so that a signal reaches the entry point itself.
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const waiters = new Set<() => void>();
  let pending = '';
  const read = (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const text of complete.filter((line) => line.trim() !== '')) lines.push(parse(text));
    for (const wake of waiters) wake();
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  let hasExited = false;
  const exited = once(child, 'exit').then(([code, signal]) => {
    const at = performance.now();
    hasExited = true;
    for (const wake of waiters) wake();
    return { code: code as number | null, signal: signal as NodeJS.Signals | null, at };
  });

  return {
    child,
    lines,
    exited,
    waitForLine(matches, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no such line within ${timeoutMs} ms`)), timeoutMs);
        const finish = (error: Error | null, line?: LogLine) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (line) resolve(line);
          else
            reject(new Error(`${error?.message}; ${entry} wrote:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`));
        };
        const check = () => {
          const found = lines.find(matches);
          if (found) finish(null, found);
          else if (hasExited) finish(new Error(`${entry} exited`));
        };
        waiters.add(check);
        check();
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

function parse(text: string): LogLine {
  try {
    return JSON.parse(text) as LogLine;
  } catch {
    return { text };
  }
}

/** The status and JSON body of a GET on one of a process's local HTTP endpoints; status 0 when nothing answers. */
export async function getLocal(port: number, path: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: 0, text: '' };
  }
}

/** What the bot and the worker need to reach the system's Postgres, Temporal and local Discord. */
export function systemEnv(system: TicketflowSystem): Record<string, string> {
  return {
    TEMPORAL_ADDRESS: system.temporal.address,
    TEMPORAL_TASK_QUEUE: system.taskQueue,
    DATABASE_URL: system.db.url,
    DISCORD_TOKEN: system.discord.bot.token,
    DISCORD_API_BASE_URL: system.discord.apiBaseUrl,
  };
}

/**
 * Sends SIGTERM and waits until the process's `/readyz` answers 503 with `check` saying it is stopping, which must
 * happen before it exits. Returns when the signal was sent (`performance.now()`).
 */
export async function stopAndSeeNotReady(entry: EntryProcess, healthPort: number, check: string): Promise<number> {
  const signalledAt = performance.now();
  entry.child.kill('SIGTERM');
  await eventually(async () => {
    const ready = await getLocal(healthPort, '/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text).checks[check]).toBe('stopping');
  });
  return signalledAt;
}
