import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { snowflakeTime } from '../../sandbox/discord/snowflake.ts';
import { callSandbox } from '../support/discord-client.ts';
import { seedTicketGuild } from './discord-fixture.ts';

/** The sandbox's own wire behaviour, checked with plain fetch: what any Discord client would see. */
describe('Discord sandbox REST', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;

  beforeAll(async () => {
    // These checks send many messages to one channel with plain fetch, which never waits on a bucket; Discord's
    // 5 messages per 5 seconds there is tested on its own (sandbox-rate-limits.test.ts).
    sandbox = await createDiscordSandbox({ rateLimits: { routes: {} } });
    guild = seedTicketGuild(sandbox);
  });
  afterAll(() => sandbox.close());

  const call = (method: string, path: string, body?: unknown, token: string | null = sandbox.bot.token) =>
    callSandbox(sandbox, method, path, body, token);
  const tickets = () => guild.channel('tickets').id;
  const formErrors = (answer: { body: { code: number; errors?: unknown } }) => {
    expect(answer.body.code).toBe(50035);
    return answer.body.errors;
  };

  it('answers 401 with Discord body without a valid bot token', async () => {
    for (const token of [null, 'not-the-token']) {
      const answer = await call('GET', '/users/@me', undefined, token);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ code: 0, message: '401: Unauthorized' });
    }
  });

  it('serves /gateway/bot and /users/@me in the shapes discord.js needs', async () => {
    const gateway = await call('GET', '/gateway/bot');
    expect(gateway.body).toEqual({
      url: `${sandbox.url.replace('http', 'ws')}/gw`,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    });
    const me = await call('GET', '/users/%40me');
    expect(me.body).toMatchObject({
      id: sandbox.bot.userId,
      username: 'Ticketflow',
      bot: true,
      discriminator: '0',
      global_name: null,
    });
  });

  it('answers unknown routes and methods like Discord', async () => {
    expect((await call('GET', '/nowhere')).body).toEqual({ code: 0, message: '404: Not Found' });
    expect((await call('DELETE', '/gateway/bot')).status).toBe(405);
    expect((await call('GET', `/channels/${guild.guild.id}`)).body).toEqual({
      code: 10003,
      message: 'Unknown Channel',
    });
  });

  it('puts rate-limit headers on every answer, counting down per bucket', async () => {
    const first = await call('GET', `/channels/${tickets()}`);
    const second = await call('GET', `/channels/${tickets()}`);
    for (const header of ['limit', 'remaining', 'reset', 'reset-after', 'bucket']) {
      expect(first.headers.get(`x-ratelimit-${header}`)).not.toBeNull();
    }
    expect(second.headers.get('x-ratelimit-bucket')).toBe(first.headers.get('x-ratelimit-bucket'));
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(
      Number(first.headers.get('x-ratelimit-remaining')) - 1,
    );
  });

  it('makes timestamp-based snowflakes', async () => {
    const before = Date.now();
    const thread = await call('POST', `/channels/${tickets()}/threads`, { name: 'snowflake-check', type: 12 });
    const id: string = thread.body.id;
    expect(id).toMatch(/^\d{18,19}$/);
    expect(snowflakeTime(id)).toBeGreaterThanOrEqual(before);
    expect(snowflakeTime(id)).toBeLessThanOrEqual(Date.now());
    expect(BigInt(id)).toBeGreaterThan(BigInt(guild.channel('ticket-history').id));
  });

  it('validates threads as Discord does', async () => {
    const bad = await call('POST', `/channels/${tickets()}/threads`, {
      name: 'x'.repeat(101),
      auto_archive_duration: 30,
    });
    expect(formErrors(bad)).toEqual({
      name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] },
      auto_archive_duration: {
        _errors: [{ code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {60, 1440, 4320, 10080}.' }],
      },
    });
    const thread = await call('POST', `/channels/${tickets()}/threads`, { name: 'ticket-9000', type: 12 });
    const nested = await call('POST', `/channels/${thread.body.id}/threads`, { name: 'inner', type: 12 });
    expect(nested.body).toEqual({ code: 50024, message: 'Cannot execute action on this channel type' });
    await call('PATCH', `/channels/${thread.body.id}`, { archived: true });
    const add = await call('PUT', `/channels/${thread.body.id}/thread-members/${guild.user('sam').id}`);
    expect(add.body.code).toBe(50083);
  });

  it('unarchives an unlocked thread when a message arrives', async () => {
    const thread = await call('POST', `/channels/${tickets()}/threads`, { name: 'ticket-9001', type: 12 });
    await call('PATCH', `/channels/${thread.body.id}`, { archived: true });
    await call('POST', `/channels/${thread.body.id}/messages`, { content: 'back again' });
    expect((await call('GET', `/channels/${thread.body.id}`)).body.thread_metadata).toMatchObject({
      archived: false,
      locked: false,
    });
  });

  it('validates messages against Discord limits', async () => {
    const path = `/channels/${tickets()}/messages`;
    expect((await call('POST', path, {})).body).toEqual({ code: 50006, message: 'Cannot send an empty message' });
    expect(formErrors(await call('POST', path, { content: 'x'.repeat(2001) }))).toEqual({
      content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
    });
    expect(formErrors(await call('POST', path, { content: 'x', nonce: 'n'.repeat(26) }))).toHaveProperty('nonce');
    const fields = Array.from({ length: 6 }, (_, index) => ({ name: `f${index}`, value: 'v'.repeat(1024) }));
    expect(formErrors(await call('POST', path, { embeds: [{ fields }] }))).toEqual({
      embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }] },
    });
    const button = (customId: string) => ({ type: 2, style: 1, label: 'Go', custom_id: customId });
    expect(
      formErrors(await call('POST', path, { components: [{ type: 1, components: [button('c'.repeat(101))] }] })),
    ).toHaveProperty(['components', '0', 'components', '0', 'custom_id']);
    expect(
      formErrors(await call('POST', path, { components: [{ type: 1, components: [button('same'), button('same')] }] })),
    ).toEqual({
      components: {
        0: {
          components: {
            1: {
              custom_id: {
                _errors: [
                  { code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' },
                ],
              },
            },
          },
        },
      },
    });
    const exclusive = await call('POST', path, {
      content: 'x',
      allowed_mentions: { parse: ['users'], users: [guild.user('sam').id] },
    });
    expect(formErrors(exclusive)).toHaveProperty('allowed_mentions');
  });

  it('pings what a message mentions when allowed_mentions is left out', async () => {
    const roleId = guild.role('Ticket alerts').id;
    const answer = await call('POST', `/channels/${tickets()}/messages`, {
      content: `@everyone <@&${roleId}> <@${guild.user('sam').id}>`,
    });
    expect(answer.body).toMatchObject({
      mention_everyone: true,
      mention_roles: [roleId],
      mentions: [{ id: guild.user('sam').id }],
    });
  });

  it('injects faults only into the requests they name', async () => {
    sandbox.state.faults.inject({ route: 'POST /channels/:id/messages', status: 500, times: 2 });
    expect((await call('GET', `/channels/${tickets()}`)).status).toBe(200);
    expect((await call('POST', `/channels/${tickets()}/messages`, { content: 'a' })).status).toBe(500);
    expect(sandbox.state.faults.pendingCount).toBe(1);
    sandbox.state.faults.inject({ status: 429, retryAfterSeconds: 2, global: true });
    sandbox.state.faults.clear();
    expect((await call('POST', `/channels/${tickets()}/messages`, { content: 'a' })).status).toBe(200);
  });

  it('answers injected 429s with Retry-After and Discord body', async () => {
    sandbox.state.faults.inject({ route: 'GET /channels/:id', status: 429, retryAfterSeconds: 1.5 });
    const answer = await call('GET', `/channels/${tickets()}`);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('1.5');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
    // Discord's 429 body has no code.
    expect(answer.body).toEqual({ message: 'You are being rate limited.', retry_after: 1.5, global: false });
  });
});
