import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, locationOf, startWebSystem, type WebSystem } from './support/web-system.ts';

let system: WebSystem;

beforeAll(async () => {
  system = await startWebSystem();
});

afterAll(async () => {
  await system?.close();
});

describe('signing in with Discord', () => {
  it('sends the browser to Discord with the three scopes, this redirect URI and a state', async () => {
    const login = await system.request('/auth/login?next=/guilds/1');
    expect(login.status).toBe(302);
    const authorize = new URL(locationOf(login));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${system.discord.url}/oauth2/authorize`);
    expect(authorize.searchParams.get('scope')).toBe('identify guilds guilds.members.read');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${system.url}/auth/callback`);
    expect(authorize.searchParams.get('client_id')).toBe(system.discord.bot.applicationId);
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    const setCookie = login.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/tf_login=[^;]+; Max-Age=600; Path=\/auth; HttpOnly; SameSite=Lax/);
  });

  it('lands on the relative next path with an HttpOnly, SameSite=Lax session cookie, and /me names the user', async () => {
    const sam = system.userId(system.guildA, 'sam');
    const { cookie, location } = await system.signIn(sam, '/guilds/123?tab=open');
    expect(location).toBe('/guilds/123?tab=open');
    const me = await system.request('/api/v1/me', { cookie });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      user: { id: sam, username: 'sam', displayName: 'sam', avatarUrl: null, operator: false },
    });
  });

  it('stores the SHA-256 of the token, not the token, and seals the Discord token', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildA, 'alice'));
    const token = cookie.split('=')[1] ?? '';
    const rows = await system.db.prisma.webSession.findMany();
    const text = JSON.stringify(rows.map((row) => [Buffer.from(row.tokenHash).toString('base64url'), row]));
    expect(text).not.toContain(token);
    const session = await system.db.prisma.webSession.findFirst({ where: { userName: 'alice' } });
    expect(Buffer.from(session?.tokenHash ?? []).toString('hex')).toBe(
      (await import('node:crypto')).createHash('sha256').update(token).digest('hex'),
    );
  });

  it('answers 401 unauthenticated without a session', async () => {
    const me = await system.request('/api/v1/me');
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('marks the session cookie Secure-less on http and sets it for the whole site', async () => {
    const login = await system.request('/auth/login');
    system.discord.oauth.nextLogin(system.userId(system.guildB, 'bob'));
    const consent = await fetch(locationOf(login), { redirect: 'manual' });
    const callback = new URL(locationOf(consent));
    const landed = await system.request(`${callback.pathname}${callback.search}`, {
      cookie: cookieFrom(login, 'tf_login'),
    });
    const session = landed.headers.getSetCookie().find((each) => each.startsWith('tf_session='));
    expect(session).toMatch(/^tf_session=[\w-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect(locationOf(landed)).toBe('/guilds');
  });
});
