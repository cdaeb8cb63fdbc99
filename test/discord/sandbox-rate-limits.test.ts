import { type RateLimitData, REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { DISCORD_RATE_LIMITS } from '../../sandbox/discord/rest/rate-limits/policy.ts';
import { majorParameter } from '../../sandbox/discord/rest/rate-limits/route-limits.ts';
import { discordActivities, seedTicketGuild, ticketFacts } from './discord-fixture.ts';

/** Discord's limits, which the sandbox enforces by default. */
describe('Discord sandbox rate limits', () => {
  let sandbox: DiscordSandbox | undefined;
  afterEach(() => sandbox?.close());

  async function world(options: Parameters<typeof createDiscordSandbox>[0] = {}) {
    sandbox = await createDiscordSandbox(options);
    return { sandbox, guild: seedTicketGuild(sandbox) };
  }

  async function call(target: DiscordSandbox, method: string, path: string, body?: unknown, token?: string | null) {
    const authorization = token === null ? {} : { Authorization: `Bot ${token ?? target.bot.token}` };
    const response = await fetch(`${target.apiBaseUrl}${path}`, {
      method,
      headers: { ...authorization, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  describe('per route', () => {
    it('lets a bot create 5 messages per 5 seconds in a channel, and answers the 6th as Discord does', async () => {
      const { sandbox, guild } = await world();
      const path = `/channels/${guild.channel('tickets').id}/messages`;
      const answers = [];
      for (let index = 0; index < 6; index += 1)
        answers.push(await call(sandbox, 'POST', path, { content: `${index}` }));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429]);
      expect(answers[0]?.headers.get('x-ratelimit-limit')).toBe('5');
      expect(answers[4]?.headers.get('x-ratelimit-remaining')).toBe('0');

      const refused = answers[5];
      expect(refused?.body).toEqual({
        message: 'You are being rate limited.',
        retry_after: expect.any(Number),
        global: false,
      });
      expect(refused?.body.retry_after).toBeGreaterThan(4);
      expect(refused?.body.retry_after).toBeLessThanOrEqual(5);
      // Retry-After in whole seconds, rounded up, as Discord's docs show it; the bucket's own headers come along.
      expect(refused?.headers.get('retry-after')).toBe('5');
      expect(refused?.headers.get('x-ratelimit-scope')).toBe('user');
      expect(refused?.headers.get('x-ratelimit-global')).toBeNull();

      // Editing counts against the same bucket; another channel has its own.
      const edit = await call(sandbox, 'PATCH', `${path}/${answers[0]?.body.id}`, { content: 'edited' });
      expect(edit.status).toBe(429);
      expect(edit.headers.get('x-ratelimit-bucket')).toBe(answers[0]?.headers.get('x-ratelimit-bucket'));
      const elsewhere = await call(sandbox, 'POST', `/channels/${guild.channel('ticket-history').id}/messages`, {
        content: 'fine',
      });
      expect(elsewhere.status).toBe(200);
    });

    it('never answers 429 to a client that honours the headers: @discordjs/rest waits out the bucket', async () => {
      const { sandbox, guild } = await world();
      // The activities' own client, allowed to wait out a whole 5-second bucket in-process.
      const activities = discordActivities(sandbox, { maxRateLimitWaitMs: 10_000 });
      const channelId = guild.channel('tickets').id;
      const notice = {
        kind: 'timer_changed' as const,
        ticket: ticketFacts({ guildId: guild.guild.id, creatorId: guild.user('alice').id }),
        timer: 'paused' as const,
        actor: { id: guild.user('sam').id, name: 'sam', isStaff: true },
      };
      const startedAt = Date.now();
      for (let index = 0; index < 6; index += 1)
        await activities.postNotice({ channelId, idempotencyKey: `burst/${index}`, notice });
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(4_000);
      expect(sandbox.state.messagesIn(channelId)).toHaveLength(6);
      expect(sandbox.state.requestLog.map((entry) => entry.status)).not.toContain(429);
    });
  });

  describe('global', () => {
    it('refuses a token past 50 requests a second, with global: true, and spares other tokens and interactions', async () => {
      const { sandbox, guild } = await world();
      await call(sandbox, 'PUT', Routes.applicationGuildCommands(sandbox.bot.applicationId, guild.guild.id), [
        { name: 'ticket', description: 'Tickets' },
      ]);
      const interaction = sandbox.driver
        .as(guild.user('alice').id)
        .runSlashCommand(guild.channel('tickets').id, 'ticket');

      const channel = `/channels/${guild.channel('tickets').id}`;
      const burst = await Promise.all(Array.from({ length: 50 }, () => call(sandbox, 'GET', channel)));
      expect(burst.filter((answer) => answer.status === 429).length).toBeLessThanOrEqual(1);
      const refused = await call(sandbox, 'GET', '/users/@me');
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({
        message: 'You are being rate limited.',
        retry_after: expect.any(Number),
        global: true,
      });
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(refused.headers.get('x-ratelimit-global')).toBe('true');
      expect(refused.headers.get('x-ratelimit-scope')).toBe('global');

      // Another bot's token has its own budget; interaction endpoints are outside the global limit.
      const other = sandbox.state.createBot({ username: 'Other' });
      expect((await call(sandbox, 'GET', '/users/@me', undefined, other.token)).status).toBe(200);
      const ack = await call(sandbox, 'POST', `/interactions/${interaction.id}/${interaction.token}/callback`, {
        type: 5,
      });
      expect(ack.status).toBe(204);
      // Its route limit is its own: callbacks of other interactions do not spend it.
      expect(majorParameter(`/interactions/${interaction.id}/${interaction.token}/callback`)).toBe(interaction.id);
      const followUp = await call(
        sandbox,
        'POST',
        `/webhooks/${sandbox.bot.applicationId}/${interaction.token}?wait=true`,
        { content: 'Still here' },
        null,
      );
      expect(followUp.status).toBe(200);
    });

    it('is one budget for every process on the token: two clients that each count 50 a second get refused, then wait', async () => {
      const { sandbox, guild } = await world();
      const channels = Array.from({ length: 80 }, (_, index) =>
        sandbox.state.createTextChannel(guild.guild.id, { name: `room-${index}` }),
      );
      const clients = [0, 1].map(() => new REST({ api: sandbox.clientOptions().rest.api }).setToken(sandbox.bot.token));
      const waits: RateLimitData[] = [];
      for (const client of clients) client.on('rateLimited', (data) => waits.push(data));

      const fetched = await Promise.all(
        channels.map((channel, index) => clients[index % 2]?.get(Routes.channel(channel.id))),
      );
      expect(fetched).toHaveLength(80);
      expect(sandbox.state.requestLog.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
      expect(waits.some((wait) => wait.global)).toBe(true);
    });
  });

  describe('invalid requests', () => {
    it("counts 401, 403 and 429 per IP, and past the limit turns the IP away as Discord's Cloudflare does", async () => {
      expect(DISCORD_RATE_LIMITS.invalidRequests).toMatchObject({ limit: 10_000, windowMs: 10 * 60_000 });
      // Discord's 10,000 per 10 minutes, scaled down so that the test sends a few dozen requests.
      const { sandbox, guild } = await world({
        rateLimits: { invalidRequests: { limit: 20, windowMs: 10 * 60_000, banMs: 60 * 60_000 } },
      });
      // Not-found answers are not invalid requests.
      for (let index = 0; index < 25; index += 1) await call(sandbox, 'GET', '/channels/1234567890123456789');
      expect((await call(sandbox, 'GET', `/channels/${guild.channel('tickets').id}`)).status).toBe(200);

      for (let index = 0; index < 21; index += 1)
        expect((await call(sandbox, 'GET', '/users/@me', undefined, 'not-the-token')).status).toBe(401);
      const banned = await call(sandbox, 'GET', `/channels/${guild.channel('tickets').id}`);
      expect(banned.status).toBe(429);
      expect(banned.body).toEqual({
        code: 0,
        message:
          'You are being blocked from accessing our API temporarily due to exceeding our rate limits frequently. ' +
          'Please read our docs at https://discord.com/developers/docs/topics/rate-limits to prevent this moving forward.',
      });
      expect([...banned.headers.keys()].filter((name) => /^(x-ratelimit|retry-after)/.test(name))).toEqual([]);
    });
  });
});
