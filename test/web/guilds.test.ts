import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWebSystem, type WebSystem } from './support/web-system.ts';

let system: WebSystem;
let clock = new Date('2026-12-01T12:00:00Z');

beforeAll(async () => {
  system = await startWebSystem({ now: () => clock });
});

afterAll(async () => {
  await system?.close();
});

beforeEach(() => {
  // Past every cached view: each test reads Discord afresh.
  clock = new Date(clock.getTime() + 3_600_000);
});

async function guildsOf(cookie: string) {
  const response = await system.request('/api/v1/guilds', { cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { guilds: unknown[] }).guilds;
}

describe('GET /api/v1/guilds', () => {
  it('lists the guilds where the user is staff, by their configured staff role', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildA, 'sam'));
    expect(await guildsOf(cookie)).toEqual([
      { id: system.guildA.guild.id, name: 'Alpha', iconUrl: null, access: 'staff' },
    ]);
  });

  it('lists the guilds the user owns (or manages) as admin', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildB, 'owner'));
    expect(await guildsOf(cookie)).toEqual([
      { id: system.guildB.guild.id, name: 'Beta', iconUrl: null, access: 'admin' },
    ]);
  });

  it('lists nothing for a member who is not staff, and nothing of a guild the bot left', async () => {
    const alice = await system.signIn(system.userId(system.guildA, 'alice'));
    expect(await guildsOf(alice.cookie)).toEqual([]);
  });

  it('costs one request for the user’s guilds and one for their roles, and nothing more within a minute', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildA, 'sam'));
    const before = system.discord.state.requestLog.length;
    await guildsOf(cookie);
    await system.request(`/api/v1/guilds/${system.guildA.guild.id}`, { cookie });
    await guildsOf(cookie);
    const paths = system.discord.state.requestLog.slice(before).map((entry) => `${entry.method} ${entry.path}`);
    // The bot's own guild list (GET /users/@me/guilds with its token) is read once a minute for every user.
    expect(paths.filter((path) => path === 'GET /users/@me/guilds').length).toBeLessThanOrEqual(2);
    expect(paths.filter((path) => path.endsWith('/member'))).toEqual([
      `GET /users/@me/guilds/${system.guildA.guild.id}/member`,
    ]);
    expect(paths.length).toBeLessThanOrEqual(3);
  });

  it('takes a role taken away on Discord into account within a minute', async () => {
    const sam = system.userId(system.guildA, 'sam');
    const { cookie } = await system.signIn(sam);
    expect(await guildsOf(cookie)).toHaveLength(1);
    system.discord.state.addMember(system.guildA.guild.id, sam, { roleIds: [] });
    clock = new Date(clock.getTime() + 30_000);
    expect(await guildsOf(cookie)).toHaveLength(1);
    clock = new Date(clock.getTime() + 31_000);
    expect(await guildsOf(cookie)).toEqual([]);
    const guild = await system.request(`/api/v1/guilds/${system.guildA.guild.id}`, { cookie });
    expect(((await guild.json()) as { guild: { access: string } }).guild.access).toBe('member');
    system.discord.state.addMember(system.guildA.guild.id, sam, {
      roleIds: [system.guildA.roles.get('Staff')?.id ?? ''],
    });
  });
});

describe('GET /api/v1/guilds/:guildId', () => {
  it('answers a guild the user and the bot share, with the user’s access', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildA, 'alice'));
    const response = await system.request(`/api/v1/guilds/${system.guildA.guild.id}`, { cookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      guild: { id: system.guildA.guild.id, name: 'Alpha', iconUrl: null, access: 'member' },
    });
  });

  it('answers 404 for another guild, for one without the bot and for one that does not exist: never 403', async () => {
    const { cookie } = await system.signIn(system.userId(system.guildA, 'sam'));
    const botless = system.discord.state.createGuild({ name: 'No bot', ownerId: system.userId(system.guildA, 'sam') });
    for (const guildId of [system.guildB.guild.id, botless.id, '123456789012345678', 'not-an-id']) {
      const response = await system.request(`/api/v1/guilds/${guildId}`, { cookie });
      expect(response.status, guildId).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'This server was not found.' } });
    }
  });
});
