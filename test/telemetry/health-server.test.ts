import { afterEach, describe, expect, it } from 'vitest';
import { type HealthServer, type HealthServerOptions, startHealthServer } from '../../telemetry/health-server.ts';
import { createMetricsRegistry } from '../../telemetry/metrics-registry.ts';
import { freePort } from '../support/free-port.ts';
import { getLocal } from './entry-process.ts';

let server: HealthServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(readiness: HealthServerOptions['readiness']): Promise<HealthServer> {
  const started = await startHealthServer({ port: await freePort(), readiness, metrics: createMetricsRegistry() });
  if (!started) throw new Error('the health server did not start');
  return started;
}

describe('the health server', () => {
  it('serves nothing on port 0', async () => {
    expect(await startHealthServer({ port: 0, readiness: {} })).toBeNull();
  });

  it('is alive whatever the checks say, ready only when every check passes, and says which failed and why', async () => {
    const temporalUp = false;
    server = await start({
      temporal: () => {
        if (!temporalUp) throw new Error('connect ECONNREFUSED 127.0.0.1:7233');
      },
      postgres: async () => {
        throw new Error('password authentication failed: postgresql://ticketflow:hunter2@db/ticketflow');
      },
      slow: () => new Promise(() => {}),
    });
    expect((await getLocal(server.port, '/livez')).status).toBe(200);
    const notReady = await getLocal(server.port, '/readyz');
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.text)).toEqual({
      status: 'not ready',
      checks: {
        temporal: 'connect ECONNREFUSED 127.0.0.1:7233',
        postgres: 'password authentication failed: postgresql://ticketflow:[REDACTED]@db/ticketflow',
        slow: 'no answer within 2000 ms',
      },
    });
    expect(notReady.text).not.toContain('hunter2');
  });

  it('answers 200 once all checks pass, and serves the process metrics', async () => {
    server = await start({ temporal: () => undefined, postgres: async () => 1 });
    const ready = await getLocal(server.port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ status: 'ready', checks: { temporal: 'ok', postgres: 'ok' } });
    const metrics = await getLocal(server.port, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('nodejs_eventloop_lag_seconds');
    expect((await getLocal(server.port, '/nothing')).status).toBe(404);
  });
});
