import { describe, expect, it } from 'vitest';
import { loadBotConfig } from '../../config/bot-config.ts';
import { loadWebConfig } from '../../config/web-config.ts';
import { loadWorkerConfig } from '../../config/worker-config.ts';
import { type ComposeService, composeServices, isOneShot } from './compose-file.ts';

const services = composeServices();
const names = Object.keys(services);
const service = (name: string): ComposeService => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
const required = { DATABASE_URL: 'postgresql://ticketflow@postgres/ticketflow', DISCORD_TOKEN: 'token' };

/** Seconds of a compose duration such as `40s` or `1m30s`. */
function seconds(duration: string | undefined): number {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration ?? '');
  if (!duration || !match) throw new Error(`not a duration: ${duration}`);
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

describe('docker-compose.yml', () => {
  it('runs Postgres, Temporal, its UI, the migrate step, the worker, the bot and the web process', () => {
    expect(names.sort()).toEqual(['bot', 'migrate', 'postgres', 'temporal', 'temporal-ui', 'web', 'worker']);
  });

  it('gives every service an init process, and every long-running one a health check', () => {
    for (const name of names) {
      expect({ name, init: service(name).init }).toEqual({ name, init: true });
      if (!isOneShot(service(name))) expect(service(name).healthcheck?.test, name).toBeInstanceOf(Array);
    }
    expect(names.filter((name) => isOneShot(service(name)))).toEqual(['migrate']);
  });

  it('starts each service once what it needs is healthy, or, for the migrate step, has completed', () => {
    for (const [name, { depends_on = {} }] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(depends_on)) {
        const wanted = isOneShot(service(dependency)) ? 'service_completed_successfully' : 'service_healthy';
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: wanted });
      }
    }
    expect(Object.keys(service('migrate').depends_on ?? {}).sort()).toEqual(['postgres', 'temporal']);
    expect(Object.keys(service('worker').depends_on ?? {})).toEqual(['migrate']);
    expect(Object.keys(service('bot').depends_on ?? {})).toEqual(['migrate']);
    expect(Object.keys(service('web').depends_on ?? {})).toEqual(['migrate']);
    expect(Object.keys(service('temporal').depends_on ?? {})).toEqual(['postgres']);
    expect(startOrder()).toBeDefined();
  });

  it('migrates and registers the search attributes in the migrate step only', () => {
    const runs = (name: string, script: string) => (service(name).command ?? []).join(' ').includes(script);
    for (const script of ['prisma/migrate.ts', 'temporal/provision/register-search-attributes.ts']) {
      expect(names.filter((name) => runs(name, script))).toEqual(['migrate']);
    }
  });

  it('runs the app processes from the one image, with node itself as the process the stop signal reaches', () => {
    expect(service('worker').command).toEqual(['node', '--import', 'tsx', 'temporal/worker.ts']);
    expect(service('bot').command).toEqual(['node', '--import', 'tsx', 'bot/main.ts']);
    expect(service('web').command).toEqual(['node', '--import', 'tsx', 'web/server/main.ts']);
    for (const name of ['migrate', 'worker', 'bot', 'web']) {
      expect(service(name)).toMatchObject({ build: '.', image: 'ticketflow-app' });
    }
  });

  it('probes the worker and the bot on their health ports, and waits for their drain before killing them', () => {
    const worker = loadWorkerConfig(required);
    const bot = loadBotConfig(required);
    expect(service('worker').healthcheck?.test).toEqual([
      'CMD',
      'node',
      'telemetry/readiness-probe.ts',
      String(worker.telemetry.healthPort),
    ]);
    expect(service('bot').healthcheck?.test).toEqual([
      'CMD',
      'node',
      'telemetry/readiness-probe.ts',
      String(bot.telemetry.healthPort),
    ]);
    // The worker's stop is forced 5 s after its grace period; docker's SIGKILL must come later still.
    expect(seconds(service('worker').stop_grace_period)).toBeGreaterThan(worker.shutdownGraceMs / 1000 + 5);
    expect(seconds(service('bot').stop_grace_period)).toBeGreaterThan(bot.shutdownGraceMs / 1000);
  });

  it('probes the web process on its health port, waits for its drain, and publishes the panel on loopback only', () => {
    const web = loadWebConfig({
      ...required,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_CLIENT_SECRET: 'secret',
    });
    expect(service('web').healthcheck?.test).toEqual([
      'CMD',
      'node',
      'telemetry/readiness-probe.ts',
      String(web.telemetry.healthPort),
    ]);
    expect(seconds(service('web').stop_grace_period)).toBeGreaterThan(web.shutdownGraceMs / 1000);
    expect(service('web').ports).toHaveLength(1);
    expect(service('web').ports?.[0]).toMatch(/^127\.0\.0\.1:.*:3000$/);
  });
});

/** The services in an order that starts each after its dependencies; throws on a cycle or an unknown service. */
function startOrder(): string[] {
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (order.includes(name)) return;
    if (visiting.has(name)) throw new Error(`dependency cycle through ${name}`);
    visiting.add(name);
    for (const dependency of Object.keys(service(name).depends_on ?? {})) visit(dependency);
    order.push(name);
  };
  for (const name of names) visit(name);
  return order;
}
