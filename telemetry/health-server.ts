import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { withDeadline } from './deadline.ts';
import { scrubSecretText } from './redact-secrets.ts';

/** One thing readiness depends on: resolves when it is fine, throws (or rejects) saying what is wrong. */
export type ReadinessCheck = () => unknown;

/** A check that has not answered within this long counts as failed: a probe must answer before its own timeout. */
const CHECK_TIMEOUT_MS = 2_000;

export interface HealthServerOptions {
  port: number;
  /** Every check must pass for `/readyz` to answer 200. */
  readiness: Record<string, ReadinessCheck>;
  /** Served on `/metrics` in Prometheus' text format. */
  metrics?: Registry;
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The HTTP endpoints an orchestrator and Prometheus use:
 * - `/livez`: 200 while the process answers at all (restart it when this fails);
 * - `/readyz`: 200 when every readiness check passes, else 503; the JSON body says which check failed and why;
 * - `/metrics`: the process's metrics, when it has a registry.
 * Port 0 serves nothing (null). Listens on every interface: a probe or scraper in a container comes from outside.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer | null> {
  if (options.port === 0) return null;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://health').pathname;
    if (path === '/livez') return send(response, 200, { status: 'alive' });
    if (path === '/readyz')
      return void readiness(options.readiness).then((report) => send(response, report.code, report.body));
    if (path === '/metrics' && options.metrics) {
      const registry = options.metrics;
      return void registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (error: unknown) => send(response, 500, { error: String(error) }),
      );
    }
    send(response, 404, { error: 'not found' });
  });
  server.listen(options.port, '0.0.0.0');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => undefined),
  };
}

async function readiness(
  checks: Record<string, ReadinessCheck>,
): Promise<{ code: number; body: { status: string; checks: Record<string, string> } }> {
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, await outcome(check)] as const),
  );
  const ready = results.every(([, result]) => result === 'ok');
  return {
    code: ready ? 200 : 503,
    body: { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) },
  };
}

/** `ok`, or why not: the check's error message, secrets removed. */
async function outcome(check: ReadinessCheck): Promise<string> {
  try {
    await withDeadline(Promise.resolve().then(check), CHECK_TIMEOUT_MS);
    return 'ok';
  } catch (error) {
    return scrubSecretText(error instanceof Error ? error.message : String(error));
  }
}

function send(response: ServerResponse, code: number, body: unknown): void {
  response.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
