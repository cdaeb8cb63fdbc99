import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One of the system's processes as production runs it (the worker, the web process), which a test may kill. */
export interface ServiceProcess {
  start(): Promise<void>;
  /** SIGKILL: no drain, no goodbye, as a crashed host or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM and wait: a graceful stop. */
  stop(): Promise<void>;
  /** What it has written to stdout and stderr since it last started. */
  output(): string;
}

/**
 * `entry` (a TypeScript file, relative to the project root) in a process of its own with `env` added to this one's;
 * `start` resolves once its output matches `ready`, and fails with that output if it exits first.
 */
export function serviceProcess(
  name: string,
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
): ServiceProcess {
  let child: ChildProcess | null = null;
  let output = '';
  const exited = async (signal: NodeJS.Signals) => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = once(running, 'exit');
    running.kill(signal);
    await gone;
    child = null;
  };
  return {
    async start() {
      if (child) throw new Error(`the ${name} is already running`);
      output = '';
      // Node itself with tsx's loader, not the tsx CLI: the CLI runs the entry in a child process, which its
      // SIGKILL would leave running as an orphan.
      const started = spawn(process.execPath, ['--import', 'tsx', entry], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          if (ready.test(output)) resolve();
        };
        started.stdout?.on('data', onData);
        started.stderr?.on('data', onData);
        started.once('exit', (code) =>
          reject(new Error(`the ${name} exited with ${code} before it was ready:\n${output}`)),
        );
      });
    },
    kill: () => exited('SIGKILL'),
    stop: () => exited('SIGTERM'),
    output: () => output,
  };
}
