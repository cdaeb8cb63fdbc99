import { ChannelType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordFailure } from '../../activities/discord/index.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { discordActivities, failureOf, seedTicketGuild } from './discord-fixture.ts';

describe('createTicketThread', () => {
  let sandbox: DiscordSandbox;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
  });
  afterAll(() => sandbox.close());

  const threadsUnder = (channelId: string) =>
    [...sandbox.state.channels.values()].filter((c) => c.parentId === channelId);

  it('creates one private, not invitable thread even when a retry calls it again', async () => {
    const guild = seedTicketGuild(sandbox);
    const activities = discordActivities(sandbox);
    const input = { guildId: guild.guild.id, channelId: guild.channel('tickets').id, name: 'ticket-0042' };

    const first = await activities.createTicketThread(input);
    const retry = await activities.createTicketThread(input);

    expect(retry).toEqual(first);
    const threads = threadsUnder(input.channelId);
    expect(threads).toHaveLength(1);
    const [thread] = threads;
    expect(thread?.id).toBe(first.threadId);
    expect(thread?.type).toBe(ChannelType.PrivateThread);
    expect(thread?.name).toBe('ticket-0042');
    expect(thread?.thread).toMatchObject({
      invitable: false,
      autoArchiveDuration: 10080,
      archived: false,
      ownerId: sandbox.bot.userId,
    });
    const creations = sandbox.state.requestLog.filter(
      (entry) => entry.method === 'POST' && entry.path.endsWith('/threads'),
    );
    expect(creations).toHaveLength(1);
  });

  it('matches on the parent channel too, and on the exact name', async () => {
    const guild = seedTicketGuild(sandbox);
    const activities = discordActivities(sandbox);
    const inTickets = await activities.createTicketThread({
      guildId: guild.guild.id,
      channelId: guild.channel('tickets').id,
      name: 'ticket-0001',
    });
    const inHistory = await activities.createTicketThread({
      guildId: guild.guild.id,
      channelId: guild.channel('ticket-history').id,
      name: 'ticket-0001',
    });
    const longer = await activities.createTicketThread({
      guildId: guild.guild.id,
      channelId: guild.channel('tickets').id,
      name: 'ticket-00011',
    });
    expect(new Set([inTickets.threadId, inHistory.threadId, longer.threadId]).size).toBe(3);
  });

  it('refuses a name Discord cannot take, and creates nothing', async () => {
    const guild = seedTicketGuild(sandbox);
    const activities = discordActivities(sandbox);
    const channelId = guild.channel('tickets').id;
    const failure = await failureOf(
      activities.createTicketThread({ guildId: guild.guild.id, channelId, name: 'x'.repeat(101) }),
      DiscordFailure.InvalidInput,
    );
    expect(failure.nonRetryable).toBe(true);
    expect(threadsUnder(channelId)).toHaveLength(0);
  });
});
