import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieFrom, locationOf, startWebSystem, type WebSystem } from './support/web-system.ts';

let system: WebSystem;
let clock = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  system = await startWebSystem({ now: () => clock });
});

afterAll(async () => {
  await system?.close();
});

const pass = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const meStatus = async (cookie: string) => (await system.request('/api/v1/me', { cookie })).status;

describe('when sessions and sign-ins end', () => {
  it('ends a session unused for 3 days, and keeps one used within that', async () => {
    const used = await system.signIn(system.userId(system.guildA, 'sam'));
    const unused = await system.signIn(system.userId(system.guildA, 'alice'));
    pass(2 * DAY);
    expect(await meStatus(used.cookie)).toBe(200);
    pass(2 * DAY);
    expect(await meStatus(used.cookie)).toBe(200);
    expect(await meStatus(unused.cookie)).toBe(401);
  });

  it('ends a session 7 days after sign-in however much it is used', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildB, 'bob'));
    for (let day = 0; day < 6; day += 1) {
      pass(DAY);
      expect(await meStatus(cookie)).toBe(200);
    }
    pass(DAY);
    expect(await meStatus(cookie)).toBe(401);
  });

  it('refuses a sign-in that comes back after 10 minutes', async () => {
    const login = await system.request('/auth/login');
    system.discord.oauth.nextLogin(system.userId(system.guildA, 'sam'));
    const consent = await fetch(locationOf(login), { redirect: 'manual' });
    const callback = new URL(locationOf(consent));
    pass(11 * 60_000);
    const landed = await system.request(`${callback.pathname}${callback.search}`, {
      cookie: cookieFrom(login, 'tf_login'),
    });
    expect(landed.status).toBe(400);
    expect(((await landed.json()) as { error: { code: string } }).error.code).toBe('invalid_login_state');
  });

  it('removes ended sessions from Postgres at the next sign-in', async () => {
    await system.signIn(system.userId(system.guildB, 'carol'));
    pass(8 * DAY);
    await system.signIn(system.userId(system.guildB, 'carol'));
    const rows = await system.db.prisma.webSession.findMany({ where: { userName: 'carol' } });
    expect(rows).toHaveLength(1);
  });
});
