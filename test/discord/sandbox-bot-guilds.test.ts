import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';

let sandbox: DiscordSandbox;

beforeAll(async () => {
  sandbox = await createDiscordSandbox();
});

afterAll(async () => {
  await sandbox?.close();
});

async function botGuilds(query = ''): Promise<{ id: string; owner: boolean }[]> {
  const response = await fetch(`${sandbox.apiBaseUrl}/users/@me/guilds${query}`, {
    headers: { Authorization: `Bot ${sandbox.bot.token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; owner: boolean }[];
}

describe('GET /users/@me/guilds with a bot token', () => {
  it('lists the guilds the bot is in, oldest first, paged by after and limit', async () => {
    const joined = [1, 2, 3].map((n) => seedGuild(sandbox.state, { botUserId: sandbox.bot.userId, name: `G${n}` }));
    sandbox.state.createGuild({ name: 'without the bot', ownerId: joined[0]?.owner.id ?? '' });
    const ids = joined.map((seeded) => seeded.guild.id);
    expect((await botGuilds()).map((guild) => guild.id)).toEqual(ids);
    expect((await botGuilds('?limit=2')).map((guild) => guild.id)).toEqual(ids.slice(0, 2));
    expect((await botGuilds(`?after=${ids[1]}`)).map((guild) => guild.id)).toEqual(ids.slice(2));
    expect((await botGuilds())[0]?.owner).toBe(false);
    expect(sandbox.specViolations).toEqual([]);
  });
});
