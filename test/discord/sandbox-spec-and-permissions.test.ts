import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox, sandboxRoutes } from '../../sandbox/discord/index.ts';
import { ROUTE_SCHEMAS, routeKey } from '../../sandbox/discord/spec/route-schemas.ts';
import { seedTicketGuild } from './discord-fixture.ts';

/** Requests checked against Discord's OpenAPI description, and Discord's permission refusals. */
describe('Discord sandbox spec validation and permissions', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
    guild = seedTicketGuild(sandbox);
  });
  afterAll(() => sandbox.close());

  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${sandbox.apiBaseUrl}${path}`, {
      method,
      headers: { Authorization: `Bot ${sandbox.bot.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }
  const tickets = () => guild.channel('tickets').id;
  const botRole = () => sandbox.state.member(guild.guild.id, sandbox.bot.userId)?.roleIds[0] ?? '';

  it('maps every route the sandbox serves to its schemas', () => {
    const unmapped = sandboxRoutes(sandbox.oauth)
      .map((route) => routeKey(route.method, route.path))
      .filter((key) => !(key in ROUTE_SCHEMAS));
    expect(unmapped).toEqual([]);
  });

  it('refuses a body the description forbids with 50035 naming the field, and accepts unknown fields', async () => {
    const bad = await call('POST', `/channels/${tickets()}/threads`, { name: 'x', type: 12, invitable: 'yes' });
    expect(bad).toMatchObject({ status: 400, body: { code: 50035, errors: { invitable: expect.any(Object) } } });
    const good = await call('POST', `/channels/${tickets()}/messages`, { content: 'hi', not_a_field: 1 });
    expect(good.status).toBe(200);
  });

  it('drives every existing bot route once without an answer that breaks the description', async () => {
    const thread = (await call('POST', `/channels/${tickets()}/threads`, { name: 'spec', type: 12 })).body as {
      id: string;
    };
    const answers = [
      await call('GET', '/gateway/bot'),
      await call('GET', '/users/@me'),
      await call('GET', `/users/${guild.user('sam').id}`),
      await call('GET', `/guilds/${guild.guild.id}?with_counts=true`),
      await call('GET', `/guilds/${guild.guild.id}/channels`),
      await call('GET', `/guilds/${guild.guild.id}/members?limit=10`),
      await call('GET', `/guilds/${guild.guild.id}/members/${guild.user('sam').id}`),
      await call('GET', `/guilds/${guild.guild.id}/threads/active`),
      await call('GET', `/channels/${tickets()}`),
      await call('PATCH', `/channels/${thread.id}`, { name: 'spec-renamed' }),
      await call('POST', `/channels/${thread.id}/messages`, { content: 'in thread', embeds: [{ title: 't' }] }),
      await call('GET', `/channels/${thread.id}/messages`),
      await call('PUT', `/channels/${thread.id}/thread-members/${guild.user('sam').id}`),
      await call('GET', `/channels/${thread.id}/thread-members?with_member=true`),
    ];
    expect(answers.map((answer) => answer.status).filter((status) => status >= 300)).toEqual([]);
    expect(sandbox.specViolations).toEqual([]);
  });

  it('answers 50013 when the bot lacks the permission, and 50001 when it cannot see the channel', async () => {
    const role = sandbox.state.roles.get(botRole());
    if (!role) throw new Error('the bot has no role');
    const granted = role.permissions;
    const without = (flag: bigint) => {
      role.permissions = (BigInt(granted) & ~flag).toString();
    };
    const thread = (await call('POST', `/channels/${tickets()}/threads`, { name: 'perm', type: 12 })).body as {
      id: string;
    };
    const missing = { status: 403, body: { code: 50013, message: 'Missing Permissions' } };
    try {
      without(PermissionFlagsBits.ManageThreads);
      expect(await call('PATCH', `/channels/${thread.id}`, { locked: true })).toEqual(missing);
      // Its creator may still rename it.
      expect((await call('PATCH', `/channels/${thread.id}`, { name: 'perm-2' })).status).toBe(200);
      const other = sandbox.state.createThread({
        parent: guild.channel('tickets'),
        name: 'theirs',
        type: ChannelType.PublicThread,
        invitable: true,
        autoArchiveDuration: 1440,
        ownerId: guild.user('alice').id,
      });
      expect(await call('PATCH', `/channels/${other.id}`, { name: 'mine now' })).toEqual(missing);

      without(PermissionFlagsBits.SendMessagesInThreads);
      // @everyone grants it by default; deny it on the channel.
      sandbox.state.channels.get(tickets())?.permissionOverwrites.push({
        id: guild.guild.id,
        type: 0,
        allow: '0',
        deny: PermissionFlagsBits.SendMessagesInThreads.toString(),
      });
      expect(await call('POST', `/channels/${thread.id}/messages`, { content: 'x' })).toEqual(missing);
      expect((await call('POST', `/channels/${tickets()}/messages`, { content: 'still fine here' })).status).toBe(200);

      sandbox.state.channels.get(tickets())?.permissionOverwrites.push({
        id: sandbox.bot.userId,
        type: 1,
        allow: '0',
        deny: PermissionFlagsBits.ViewChannel.toString(),
      });
      expect(await call('GET', `/channels/${tickets()}/messages`)).toEqual({
        status: 403,
        body: { code: 50001, message: 'Missing Access' },
      });
    } finally {
      role.permissions = granted;
      const channel = sandbox.state.channels.get(tickets());
      channel?.permissionOverwrites.splice(0);
    }
  });

  it('pings a role that is not mentionable only with MENTION_EVERYONE', async () => {
    const role = sandbox.state.roles.get(botRole());
    if (!role) throw new Error('the bot has no role');
    const granted = role.permissions;
    const staff = guild.role('Staff').id;
    try {
      role.permissions = (BigInt(granted) & ~PermissionFlagsBits.MentionEveryone).toString();
      const answer = await call('POST', `/channels/${tickets()}/messages`, { content: `<@&${staff}> @everyone` });
      expect(answer.body).toMatchObject({ mention_roles: [], mention_everyone: false });
      role.permissions = granted;
      const again = await call('POST', `/channels/${tickets()}/messages`, { content: `<@&${staff}> @everyone` });
      expect(again.body).toMatchObject({ mention_roles: [staff], mention_everyone: true });
    } finally {
      role.permissions = granted;
    }
  });
});
