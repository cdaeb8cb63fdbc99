import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUILD_ACCESS_LEVELS } from '../../domain/guild-access.ts';
import type { RegisteredRoute } from '../../web/server/create-web-server.ts';
import { startWebSystem, type WebSystem } from './support/web-system.ts';

/**
 * Every route of a guild, read from the server's own route table (so a route added later is in the matrix without
 * anyone listing it), asked about guild B by people who have nothing to do with guild B: each must answer as if
 * guild B did not exist. A control request for guild A, by guild A's admin, shows the route itself exists.
 */
let system: WebSystem;
let guildRoutes: RegisteredRoute[];

/** Values for the other parameters of guild routes; a route with a parameter not named here gets '1'. */
const SAMPLE_PARAMS: Record<string, string> = { ticketNumber: '1', ticketId: '01900000-0000-7000-8000-000000000000' };

beforeAll(async () => {
  system = await startWebSystem();
  guildRoutes = system.web.routes.filter((route) => route.url.includes(':guildId') && route.method !== 'HEAD');
});

afterAll(async () => {
  await system?.close();
});

function pathOf(route: RegisteredRoute, guildId: string): string {
  return route.url.replace(/:(\w+)/g, (_, name: string) =>
    name === 'guildId' ? guildId : (SAMPLE_PARAMS[name] ?? '1'),
  );
}

function call(route: RegisteredRoute, guildId: string, cookie?: string): Promise<Response> {
  const writes = !['GET', 'HEAD'].includes(route.method);
  return system.request(pathOf(route, guildId), {
    method: route.method,
    cookie,
    ...(writes ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
  });
}

const NOT_FOUND = { error: { code: 'not_found', message: 'This server was not found.' } };

describe('the cross-guild matrix', () => {
  it('covers every guild route, each declaring a guild access', () => {
    expect(guildRoutes.length).toBeGreaterThan(0);
    for (const route of guildRoutes)
      expect(GUILD_ACCESS_LEVELS, `${route.method} ${route.url}`).toContain(route.access);
    // No route reaches a guild any other way than through :guildId.
    const otherGuildRoutes = system.web.routes.filter((route) => /guilds\/(?!:guildId)[^/]+/.test(route.url));
    expect(otherGuildRoutes).toEqual([]);
  });

  it('answers 401 to someone signed out, for every guild route', async () => {
    for (const route of guildRoutes) {
      const response = await call(route, system.guildB.guild.id);
      expect(response.status, `${route.method} ${route.url}`).toBe(401);
    }
  });

  it.each([
    ['staff of guild A', 'sam'],
    ['the owner (admin) of guild A', 'owner'],
    ['a plain member of guild A', 'alice'],
  ])('answers 404 to %s for every guild-B route, as for a guild that does not exist', async (_who, name) => {
    const { cookie } = await system.signIn(system.userId(system.guildA, name));
    for (const route of guildRoutes) {
      const label = `${route.method} ${route.url}`;
      const response = await call(route, system.guildB.guild.id, cookie);
      expect(response.status, label).toBe(404);
      expect(await response.json(), label).toEqual(NOT_FOUND);
      const nonexistent = await call(route, '123456789012345678', cookie);
      expect(nonexistent.status, label).toBe(404);
      expect(await nonexistent.json(), label).toEqual(NOT_FOUND);
    }
  });

  it('lets guild A’s admin past the guild check on every guild-A route (the control)', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildA, 'owner'));
    for (const route of guildRoutes) {
      const response = await call(route, system.guildA.guild.id, cookie);
      // A live stream never ends by itself: its answer is its head.
      const streams = response.headers.get('content-type')?.startsWith('text/event-stream');
      const body = streams ? await response.body?.cancel().then(() => '') : await response.text();
      expect(body, `${route.method} ${route.url}`).not.toBe(JSON.stringify(NOT_FOUND));
      expect(response.status, `${route.method} ${route.url}`).not.toBe(401);
    }
  });
});

describe('every route declares its access', () => {
  it('is refused at startup when a route declares none', async () => {
    const { default: Fastify } = await import('fastify');
    const { installRouteAccess } = await import('../../web/server/access/route-access.ts');
    const app = Fastify();
    installRouteAccess(app, system.web.services);
    const start = async () => {
      await app.register(async (plugin) => {
        plugin.get('/api/v1/forgotten', async () => ({}));
      });
      await app.ready();
    };
    await expect(start()).rejects.toThrow(/declares no access/);
  });

  it('answers 401 to someone signed out on every route that is not public', async () => {
    const guarded = system.web.routes.filter((route) => route.access !== 'public' && route.method !== 'HEAD');
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const response = await call(route, system.guildA.guild.id);
      expect(response.status, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
