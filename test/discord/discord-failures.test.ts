import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordFailure } from '../../activities/discord/index.ts';
import type { TicketNotice } from '../../domain/ticket.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { discordActivities, failureOf, seedTicketGuild, ticketFacts } from './discord-fixture.ts';

describe('how Discord failures reach Temporal', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let channelId: string;
  let notice: TicketNotice;
  let keyCount = 0;

  beforeAll(async () => {
    // Every failure is provoked with a message to one channel, from a new REST client each time, faster than
    // Discord's 5 messages per 5 seconds there: these tests check how failures are mapped, so that limit is lifted.
    sandbox = await createDiscordSandbox({ rateLimits: { routes: {} } });
    guild = seedTicketGuild(sandbox);
    channelId = guild.channel('tickets').id;
    notice = {
      kind: 'timer_changed',
      ticket: ticketFacts({ guildId: guild.guild.id, creatorId: guild.user('alice').id }),
      timer: 'paused',
      actor: { id: guild.user('sam').id, name: 'sam', isStaff: true },
    };
  });
  afterAll(() => sandbox.close());

  const postInput = (target = channelId) => {
    keyCount += 1;
    return { channelId: target, idempotencyKey: `failure-test/${keyCount}`, notice };
  };
  const statusesSince = (start: number) => sandbox.state.requestLog.slice(start).map((entry) => entry.status);

  it('404 is a non-retryable DiscordNotFound carrying Discord code and message', async () => {
    const failure = await failureOf(
      discordActivities(sandbox).postNotice(postInput('1234567890123456789')),
      DiscordFailure.NotFound,
    );
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toBe(
      'Discord answered 404 (code 10003: Unknown Channel) to POST /api/v10/channels/1234567890123456789/messages',
    );
    expect(failure.details).toEqual([{ status: 404, code: 10003 }]);
  });

  it('403 is a non-retryable DiscordForbidden', async () => {
    sandbox.state.faults.inject({
      route: 'POST /channels/:id/messages',
      status: 403,
      code: 50013,
      message: 'Missing Permissions',
    });
    const failure = await failureOf(discordActivities(sandbox).postNotice(postInput()), DiscordFailure.Forbidden);
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toContain('50013: Missing Permissions');
  });

  it('a bad request is a non-retryable DiscordBadRequest', async () => {
    // A text channel is not a thread: Discord answers 400 with code 50024.
    const failure = await failureOf(
      discordActivities(sandbox).addThreadMembers({ threadId: channelId, userIds: [guild.user('alice').id] }),
      DiscordFailure.BadRequest,
    );
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toContain('50024');
  });

  it('a short 429 is waited out inside the call, and the call succeeds', async () => {
    const start = sandbox.state.requestLog.length;
    sandbox.state.faults.inject({ route: 'POST /channels/:id/messages', status: 429, retryAfterSeconds: 0.2 });
    const startedAt = Date.now();
    const { messageId } = await discordActivities(sandbox).postNotice(postInput());
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(200);
    expect(statusesSince(start)).toEqual([429, 200]);
    expect(sandbox.state.messagesIn(channelId).at(-1)?.id).toBe(messageId);
  });

  it('a long 429 fails the attempt retryably, with nextRetryDelay from Retry-After', async () => {
    const activities = discordActivities(sandbox);
    // A worker's client has talked to Discord before, so it knows the route's bucket from the headers.
    await activities.postNotice(postInput());
    const start = sandbox.state.requestLog.length;
    sandbox.state.faults.inject({ route: 'POST /channels/:id/messages', status: 429, retryAfterSeconds: 30 });

    const failure = await failureOf(activities.postNotice(postInput()), DiscordFailure.RateLimited);
    expect(failure.nonRetryable).toBe(false);
    // @discordjs/rest adds its 50 ms safety offset to Retry-After.
    expect(failure.nextRetryDelay).toBe(30_050);

    // An attempt before the bucket resets fails the same way without bothering Discord.
    const early = await failureOf(activities.postNotice(postInput()), DiscordFailure.RateLimited);
    expect(Number(early.nextRetryDelay)).toBeGreaterThan(29_000);
    expect(statusesSince(start)).toEqual([429]);
  });

  it('a 500 fails the attempt retryably after one request, and the retry succeeds', async () => {
    const activities = discordActivities(sandbox);
    const start = sandbox.state.requestLog.length;
    sandbox.state.faults.inject({ route: 'POST /channels/:id/messages', status: 500 });
    const input = postInput();

    const failure = await failureOf(activities.postNotice(input), DiscordFailure.ServerError);
    expect(failure.nonRetryable).toBe(false);
    expect(statusesSince(start)).toEqual([500]);

    const { messageId } = await activities.postNotice(input);
    expect(statusesSince(start)).toEqual([500, 200]);
    expect(sandbox.state.messagesIn(channelId).filter((message) => message.id === messageId)).toHaveLength(1);
  });

  it('an unreachable Discord fails the attempt retryably', async () => {
    const gone = await createDiscordSandbox();
    const activities = discordActivities(gone);
    await gone.close();
    const failure = await failureOf(activities.postNotice(postInput()), DiscordFailure.Unreachable);
    expect(failure.nonRetryable).toBe(false);
  });

  it('a bad token gets 401, a non-retryable DiscordUnauthorized, and the client stays unauthorized', async () => {
    const activities = discordActivities(sandbox, { token: 'MTIz.bad.token' });
    const start = sandbox.state.requestLog.length;
    const failure = await failureOf(activities.postNotice(postInput()), DiscordFailure.Unauthorized);
    expect(failure.nonRetryable).toBe(true);
    expect(failure.message).toContain('401');
    // @discordjs/rest forgets a token Discord refused; later calls fail the same way without a request.
    await failureOf(activities.postNotice(postInput()), DiscordFailure.Unauthorized);
    expect(statusesSince(start)).toEqual([401]);
  });
});
