import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { discordActivities, seedTicketGuild } from './discord-fixture.ts';

/** Opening a ticket spends the bot's 50-requests-per-second budget: first attempts skip the retry lookups. */
describe('requests an open makes', () => {
  let sandbox: DiscordSandbox;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
  });
  afterAll(() => sandbox.close());

  const requestsSince = (start: number) =>
    sandbox.state.requestLog.slice(start).map((entry) => `${entry.method} ${entry.path.replace(/\d{17,20}/g, ':id')}`);
  const attempt = (number: number) => new MockActivityEnvironment({ attempt: number });

  it('creates the thread straight away on a first attempt, and a retry finds the one it made', async () => {
    const guild = seedTicketGuild(sandbox);
    const activities = discordActivities(sandbox);
    const input = { guildId: guild.guild.id, channelId: guild.channel('tickets').id, name: 'ticket-0007' };

    const start = sandbox.state.requestLog.length;
    const first = await attempt(1).run(() => activities.createTicketThread(input));
    expect(requestsSince(start)).toEqual(['POST /channels/:id/threads']);

    const retried = sandbox.state.requestLog.length;
    expect(await attempt(2).run(() => activities.createTicketThread(input))).toEqual(first);
    expect(requestsSince(retried)).toEqual(['GET /guilds/:id/threads/active']);
  });

  it('adds staff with one message, whatever the attempt: no member list, no thread list', async () => {
    const guild = seedTicketGuild(sandbox);
    const activities = discordActivities(sandbox);
    const { threadId } = await activities.createTicketThread({
      guildId: guild.guild.id,
      channelId: guild.channel('tickets').id,
      name: 'ticket-0101',
    });
    const input = { guildId: guild.guild.id, threadId, staffRoleIds: [guild.role('Staff').id] };

    const start = sandbox.state.requestLog.length;
    await attempt(1).run(() => activities.addStaffToThread(input));
    expect(requestsSince(start)).toEqual(['POST /channels/:id/messages']);

    const retried = sandbox.state.requestLog.length;
    await attempt(2).run(() => activities.addStaffToThread(input));
    expect(requestsSince(retried)).toEqual(['POST /channels/:id/messages']);
  });
});
