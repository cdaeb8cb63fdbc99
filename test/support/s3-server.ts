/**
 * A real S3-compatible server for a test file: moto's server (installed by scripts/install.sh, found through
 * MOTO_SERVER_PATH or the cache), started on a free port on 127.0.0.1 and stopped by `close`. It keeps
 * everything in memory, accepts any credentials, and enforces S3's rules that matter here (bucket names,
 * 5 MiB minimum parts, multipart uploads visible only once completed).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { freePort } from './free-port.ts';

const STARTUP_MS = 30_000;
/** moto accepts any key pair; tests that go through the SDK's default chain set these in the environment. */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'ticketflow-test', secretAccessKey: 'ticketflow-test-secret' };
export const S3_TEST_REGION = 'us-east-1';

export interface S3Server {
  endpoint: string;
  /** A client for the test's own looks into the server (listing objects, uploads). */
  client: S3Client;
  /** Creates a bucket with a name no other test in this file uses, and returns the name. */
  createBucket(): Promise<string>;
  close(): Promise<void>;
}

function motoServerPath(): string {
  const path =
    process.env.MOTO_SERVER_PATH || fileURLToPath(new URL('../../.cache/moto/bin/moto_server', import.meta.url));
  if (!existsSync(path)) throw new Error(`moto_server is not installed at ${path}: run bash scripts/install.sh`);
  return path;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

async function waitUntilAnswering(server: ChildProcess, endpoint: string, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`moto_server exited during startup:\n${output()}`);
    if (await answers(endpoint)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within ${STARTUP_MS / 1000}s:\n${output()}`);
}

export async function startS3Server(): Promise<S3Server> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const server = spawn(motoServerPath(), ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Its request log goes to stderr; the last lines say why it failed, should it.
  let log = '';
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const close = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilAnswering(server, endpoint, () => log);
  } catch (error) {
    await close();
    throw error;
  }
  const client = new S3Client({
    endpoint,
    region: S3_TEST_REGION,
    forcePathStyle: true,
    credentials: S3_TEST_CREDENTIALS,
  });
  let buckets = 0;
  return {
    endpoint,
    client,
    async createBucket() {
      buckets += 1;
      const name = `transcripts-${buckets}`;
      await client.send(new CreateBucketCommand({ Bucket: name }));
      return name;
    },
    async close() {
      client.destroy();
      await close();
    },
  };
}
