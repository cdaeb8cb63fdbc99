/**
 * Stripe's own stripe-mock (built into the project cache by scripts/install.sh) in a child process on a loopback
 * port it picks itself. It validates every request against Stripe's OpenAPI spec and answers with Stripe's
 * object shapes, but holds no state: the stand-in in front of it does.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STARTUP_MS = 30_000;

export interface StripeMockProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/** Where install.sh put it: STRIPE_MOCK_PATH, else the project cache (TICKETFLOW_CACHE_DIR, shared by worktrees). */
function stripeMockPath(): string {
  const cache = process.env.TICKETFLOW_CACHE_DIR || fileURLToPath(new URL('../../../.cache', import.meta.url));
  const path = process.env.STRIPE_MOCK_PATH || join(cache, 'bin', 'stripe-mock');
  if (!existsSync(path)) throw new Error(`stripe-mock is not installed at ${path}: run bash scripts/install.sh`);
  return path;
}

export async function startStripeMock(): Promise<StripeMockProcess> {
  // Port 0 lets the system choose; stripe-mock prints the address. HTTPS has no switch of its own to turn it off
  // beside an HTTP address, so it too takes a loopback port nobody uses rather than its default :12112 on every address.
  const child = spawn(stripeMockPath(), ['-http-addr', '127.0.0.1:0', '-https-addr', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`stripe-mock did not listen within ${STARTUP_MS / 1000}s:\n${output}`)),
        STARTUP_MS,
      );
      const onData = (chunk: Buffer) => {
        // It logs every request; only the startup lines say anything about why it failed.
        if (output.length < 4000) output += chunk.toString();
        const listening = /Listening for HTTP at address: (127\.0\.0\.1:\d+)/.exec(output);
        if (listening) {
          clearTimeout(timer);
          resolve(`http://${listening[1]}`);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`stripe-mock exited with ${code} during startup:\n${output}`));
      });
    });
    // Keep draining its request log so it never blocks on a full pipe.
    child.stdout.removeAllListeners('data').resume();
    child.stderr.removeAllListeners('data').resume();
    return { url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
