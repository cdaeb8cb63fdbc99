import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, locationOf, startWebSystem, type WebSystem } from './support/web-system.ts';

let system: WebSystem;

beforeAll(async () => {
  system = await startWebSystem();
});

afterAll(async () => {
  await system?.close();
});

/** Starts a sign-in and lets Discord consent as this user; returns the callback's path and the login cookie. */
async function consentAs(userId: string, next?: string) {
  const login = await system.request(`/auth/login${next === undefined ? '' : `?next=${encodeURIComponent(next)}`}`);
  system.discord.oauth.nextLogin(userId);
  const consent = await fetch(locationOf(login), { redirect: 'manual' });
  const callback = new URL(locationOf(consent));
  return { callbackPath: `${callback.pathname}${callback.search}`, loginCookie: cookieFrom(login, 'tf_login') };
}

describe('cross-site requests', () => {
  it('refuses a POST from another origin, and one that names no origin at all', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildA, 'sam'));
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: system.url, 'sec-fetch-site': 'cross-site' },
      {},
    ]) {
      const response = await fetch(`${system.url}/auth/logout`, { method: 'POST', headers: { cookie, ...headers } });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('cross_origin');
    }
    // Refused before anything ran: the session still works.
    expect((await system.request('/api/v1/me', { cookie })).status).toBe(200);
  });

  it('refuses cross-site calls of any method, to any path (SolidStart server functions included)', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await system.request('/_server', { method, headers: { origin: 'https://evil.example' } });
      expect(response.status, method).toBe(403);
    }
  });

  it('accepts a same-origin POST by Origin or by Sec-Fetch-Site', async () => {
    const first = await system.signIn(system.userId(system.guildA, 'sam'));
    expect((await system.request('/auth/logout', { method: 'POST', cookie: first.cookie })).status).toBe(204);
    const second = await system.signIn(system.userId(system.guildA, 'sam'));
    const bySecFetch = await fetch(`${system.url}/auth/logout`, {
      method: 'POST',
      headers: { cookie: second.cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(bySecFetch.status).toBe(204);
  });
});

describe('sessions', () => {
  it('gives a new session id at sign-in, ending the one the browser brought (no fixation)', async () => {
    const sam = system.userId(system.guildA, 'sam');
    const first = await system.signIn(sam);
    const { callbackPath, loginCookie } = await consentAs(sam);
    const landed = await system.request(callbackPath, { cookie: `${loginCookie}; ${first.cookie}` });
    expect(landed.status).toBe(303);
    const second = cookieFrom(landed, 'tf_session');
    expect(second).not.toBe(first.cookie);
    expect((await system.request('/api/v1/me', { cookie: first.cookie })).status).toBe(401);
    expect((await system.request('/api/v1/me', { cookie: second })).status).toBe(200);
  });

  it('ends the session server-side at logout: the old cookie is refused afterwards', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildB, 'bob'));
    const logout = await system.request('/auth/logout', { method: 'POST', cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join()).toMatch(/tf_session=; .*Expires=Thu, 01 Jan 1970/);
    const me = await system.request('/api/v1/me', { cookie });
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  });

  it('refuses a made-up session cookie', async () => {
    const me = await system.request('/api/v1/me', { cookie: 'tf_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(me.status).toBe(401);
  });
});

describe('the OAuth2 state', () => {
  it('refuses a forged state, and uses the attempt up', async () => {
    const { callbackPath, loginCookie } = await consentAs(system.userId(system.guildA, 'sam'));
    const forged = callbackPath.replace(/state=[^&]+/, 'state=forged-state-forged-state-forged-state-xx');
    const refused = await system.request(forged, { cookie: loginCookie });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('invalid_login_state');
    expect(refused.headers.getSetCookie().join()).not.toContain('tf_session=');
    // The genuine state no longer works either: the attempt was used by the forged one.
    expect((await system.request(callbackPath, { cookie: loginCookie })).status).toBe(400);
  });

  it('refuses a replayed state, and a state without the browser that started the sign-in', async () => {
    const { callbackPath, loginCookie } = await consentAs(system.userId(system.guildA, 'sam'));
    expect((await system.request(callbackPath, { cookie: loginCookie })).status).toBe(303);
    expect((await system.request(callbackPath, { cookie: loginCookie })).status).toBe(400);

    const other = await consentAs(system.userId(system.guildA, 'sam'));
    expect((await system.request(other.callbackPath)).status).toBe(400);
  });

  it('refuses Discord’s answer when the user declined, and starts no session', async () => {
    const login = await system.request('/auth/login');
    system.discord.oauth.nextLogin('deny');
    const consent = await fetch(locationOf(login), { redirect: 'manual' });
    const callback = new URL(locationOf(consent));
    const landed = await system.request(`${callback.pathname}${callback.search}`, {
      cookie: cookieFrom(login, 'tf_login'),
    });
    expect(landed.status).toBe(303);
    expect(locationOf(landed)).toBe('/?login_error=access_denied');
    expect(landed.headers.getSetCookie().join()).not.toContain('tf_session=');
  });
});

describe('redirects after sign-in', () => {
  it.each([
    '//evil.com',
    '//evil.com/guilds',
    'https://evil.example/',
    '/\\evil.com',
    '\\\\evil.com',
    '/\t/evil.com',
    'javascript:alert(1)',
    'guilds',
  ])('goes to /guilds, not to %j', async (next) => {
    const { location } = await system.signIn(system.userId(system.guildA, 'sam'), next);
    expect(location).toBe('/guilds');
  });

  it('keeps a path on this site with its query', async () => {
    const { location } = await system.signIn(system.userId(system.guildA, 'sam'), '/guilds/1/tickets?status=open#top');
    expect(location).toBe('/guilds/1/tickets?status=open#top');
  });
});

describe('bad input', () => {
  it('answers 400 naming the field, and ends no session', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildA, 'sam'));
    const response = await system.request('/api/v1/sessions/not-a-session-id', { method: 'DELETE', cookie });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; problems: { path: string }[] } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.problems.map((problem) => problem.path)).toEqual(['sessionId']);
    expect((await system.request('/api/v1/me', { cookie })).status).toBe(200);
  });

  it('answers 400 for a callback without a code, naming it', async () => {
    const { callbackPath, loginCookie } = await consentAs(system.userId(system.guildA, 'sam'));
    const withoutCode = callbackPath.replace(/code=[^&]+&?/, '');
    const response = await system.request(withoutCode, { cookie: loginCookie });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { problems: { path: string }[] } };
    expect(body.error.problems.map((problem) => problem.path)).toEqual(['code']);
  });

  it('answers an unparsable JSON body with 400 in the API’s error shape', async () => {
    const response = await system.request('/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });
});

describe('response headers', () => {
  it('forbids sniffing, framing and caching of API answers', async () => {
    const response = await system.request('/api/v1/me');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers unknown paths with 404 in the API’s error shape', async () => {
    const response = await system.request('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
