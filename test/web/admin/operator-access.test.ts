import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebConfig } from '../../../config/web-config.ts';
import type { RegisteredRoute } from '../../../web/server/create-web-server.ts';
import { startWebSystem, type WebSystem } from '../support/web-system.ts';

/**
 * The operators' routes, read from the server's own route table like the cross-guild matrix: everyone who is not
 * one of ADMIN_USER_IDS gets 404 exactly as for a route that does not exist, whatever they are in their guilds.
 */
let system: WebSystem;
let operatorRoutes: RegisteredRoute[];

/** Values for the operator routes' path parameters; a parameter not named here gets '1'. */
const OPERATOR_SAMPLE_PARAMS: Record<string, string> = {
  entitlementId: '01900000-0000-7000-8000-000000000000',
};

beforeAll(async () => {
  system = await startWebSystem();
  operatorRoutes = system.web.routes.filter((route) => route.access === 'operator' && route.method !== 'HEAD');
});

afterAll(async () => {
  await system?.close();
});

function call(route: RegisteredRoute, cookie?: string): Promise<Response> {
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => OPERATOR_SAMPLE_PARAMS[name] ?? '1');
  const writes = !['GET', 'HEAD'].includes(route.method);
  return system.request(path, {
    method: route.method,
    cookie,
    ...(writes ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
  });
}

const NOT_FOUND = { error: { code: 'not_found', message: 'This page was not found.' } };

describe('operator routes', () => {
  it('are all under /api/v1/admin/, and none takes a :guildId', () => {
    expect(operatorRoutes.length).toBeGreaterThan(0);
    for (const route of operatorRoutes) {
      expect(route.url, route.url).toMatch(/^\/api\/v1\/admin\//);
      expect(route.url).not.toContain(':guildId');
    }
    const adminPaths = system.web.routes.filter((route) => route.url.startsWith('/api/v1/admin'));
    expect(adminPaths.every((route) => route.access === 'operator')).toBe(true);
  });

  it('answer 401 to someone signed out', async () => {
    for (const route of operatorRoutes) expect((await call(route)).status, route.url).toBe(401);
  });

  it.each([
    ['the owner (admin) of guild A', 'owner'],
    ['staff of guild A', 'sam'],
    ['a plain member of guild A', 'alice'],
  ])('answer 404 to %s, as for a route that does not exist, before reading any input', async (_who, name) => {
    const { cookie } = await system.signIn(system.userId(system.guildA, name));
    for (const route of operatorRoutes) {
      const label = `${route.method} ${route.url}`;
      const response = await call(route, cookie);
      expect(response.status, label).toBe(404);
      expect(await response.json(), label).toEqual(NOT_FOUND);
    }
    const me = await system.request('/api/v1/me', { cookie });
    expect(((await me.json()) as { user: { operator: boolean } }).user.operator).toBe(false);
  });

  it('let the operator through (the control), and /me says they are one', async () => {
    const { cookie } = await system.signIn(system.operatorId);
    for (const route of operatorRoutes) {
      const response = await call(route, cookie);
      const label = `${route.method} ${route.url}`;
      expect(response.status, label).not.toBe(401);
      expect(await response.text(), label).not.toBe(JSON.stringify(NOT_FOUND));
    }
    const me = await system.request('/api/v1/me', { cookie });
    expect(((await me.json()) as { user: { operator: boolean } }).user.operator).toBe(true);
  });

  it('cannot be declared with a :guildId: the server refuses to start', async () => {
    const { default: Fastify } = await import('fastify');
    const { installRouteAccess } = await import('../../../web/server/access/route-access.ts');
    const app = Fastify();
    installRouteAccess(app, system.web.services);
    const start = async () => {
      await app.register(async (plugin) => {
        plugin.get('/api/v1/admin/guilds/:guildId', { config: { access: 'operator' } }, async () => ({}));
      });
      await app.ready();
    };
    await expect(start()).rejects.toThrow(/declares operator access but has a :guildId/);
  });
});

describe('ADMIN_USER_IDS', () => {
  const env = {
    DATABASE_URL: 'postgresql://ticketflow@db/ticketflow',
    DISCORD_TOKEN: 'MTIz.secret-bot-token',
    DISCORD_CLIENT_ID: '123456789012345678',
    DISCORD_CLIENT_SECRET: 'client-secret',
  };

  it('names no operator by default', () => {
    expect(loadWebConfig(env).operatorUserIds).toEqual([]);
  });

  it('takes Discord user ids separated by commas, spaces and repeats forgiven', () => {
    const config = loadWebConfig({
      ...env,
      ADMIN_USER_IDS: ' 123456789012345678, 223456789012345678,123456789012345678 ',
    });
    expect(config.operatorUserIds).toEqual(['123456789012345678', '223456789012345678']);
  });

  it('refuses anything that is not a Discord user id, naming the variable but not the value', () => {
    const load = () => loadWebConfig({ ...env, ADMIN_USER_IDS: '123456789012345678,@olga' });
    expect(load).toThrow(/ADMIN_USER_IDS\.1: must be Discord user ids/);
    expect(load).not.toThrow(/@olga/);
  });
});
