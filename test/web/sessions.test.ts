import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebSystem, type WebSystem } from './support/web-system.ts';

let system: WebSystem;

beforeAll(async () => {
  system = await startWebSystem();
});

afterAll(async () => {
  await system?.close();
});

interface ListedSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

async function sessionsOf(cookie: string): Promise<ListedSession[]> {
  const response = await system.request('/api/v1/sessions', { cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { sessions: ListedSession[] }).sessions;
}

describe('a user’s sessions', () => {
  it('lists each of the user’s sessions, marks the current one, and shows no one else’s', async () => {
    const sam = system.userId(system.guildA, 'sam');
    const laptop = await system.signIn(sam);
    const phone = await system.signIn(sam);
    await system.signIn(system.userId(system.guildB, 'bob'));
    const listed = await sessionsOf(phone.cookie);
    expect(listed).toHaveLength(2);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    expect(listed[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
      expiresAt: expect.any(String),
      userAgent: 'node',
      current: true,
    });
    expect(Date.parse(listed[0]?.expiresAt ?? '') - Date.now()).toBeGreaterThan(24 * 3_600_000);
    expect((await sessionsOf(laptop.cookie)).map((session) => session.id).sort()).toEqual(
      listed.map((session) => session.id).sort(),
    );
  });

  it('revokes another of the user’s sessions: that browser is signed out, this one is not', async () => {
    const alice = system.userId(system.guildA, 'alice');
    const other = await system.signIn(alice);
    const here = await system.signIn(alice);
    const target = (await sessionsOf(here.cookie)).find((session) => !session.current);
    const response = await system.request(`/api/v1/sessions/${target?.id}`, { method: 'DELETE', cookie: here.cookie });
    expect(response.status).toBe(204);
    expect((await system.request('/api/v1/me', { cookie: other.cookie })).status).toBe(401);
    expect((await system.request('/api/v1/me', { cookie: here.cookie })).status).toBe(200);
  });

  it('answers 404 for another user’s session and leaves it alone', async () => {
    const bob = await system.signIn(system.userId(system.guildB, 'bob'));
    const bobsSession = (await sessionsOf(bob.cookie))[0]?.id;
    const carol = await system.signIn(system.userId(system.guildB, 'carol'));
    const response = await system.request(`/api/v1/sessions/${bobsSession}`, {
      method: 'DELETE',
      cookie: carol.cookie,
    });
    expect(response.status).toBe(404);
    expect((await system.request('/api/v1/me', { cookie: bob.cookie })).status).toBe(200);
  });
});
