import { MockActivityEnvironment } from '@temporalio/testing';
import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordActivities, createDiscordRest } from '../../activities/discord/index.ts';
import type { TicketActivities } from '../../domain/ticket.ts';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { channelPermissions, hasPermission } from '../../sandbox/discord/permissions/compute.ts';
import { canSeeChannel } from '../../sandbox/discord/permissions/visibility.ts';
import { TICKET_BOT_CHANNEL_MODE_PERMISSIONS, TICKET_BOT_PERMISSIONS } from '../../sandbox/discord/seed.ts';
import { isThread } from '../../sandbox/discord/state/records.ts';
import { discordActivities, failureOf, seedTicketGuild } from './discord-fixture.ts';

type ChannelOpened = Awaited<ReturnType<TicketActivities['createTicketChannel']>>;

/** Tickets as private channels, through the real activities against the local Discord, as strict as Discord. */
describe('ticket channels', () => {
  let sandbox: DiscordSandbox;
  beforeAll(async () => {
    // Filling categories takes many requests in a row; the limits are the rate-limit tests' concern.
    sandbox = await createDiscordSandbox({ rateLimits: { routes: {}, global: { limit: 1_000, windowMs: 1_000 } } });
  });
  afterAll(() => sandbox.close());

  const requestsSince = (start: number) =>
    sandbox.state.requestLog
      .slice(start)
      .map((entry) => `${entry.method} ${decodeURIComponent(entry.path).replace(/\d{17,20}/g, ':id')}`);
  const attempt = (number: number) => new MockActivityEnvironment({ attempt: number });

  function channelModeGuild(botPermissions = TICKET_BOT_CHANNEL_MODE_PERMISSIONS) {
    const seeded = seedGuild(sandbox.state, {
      botUserId: sandbox.bot.userId,
      botPermissions,
      roles: [{ name: 'Staff' }],
      members: [{ username: 'alice' }, { username: 'sam', roles: ['Staff'] }, { username: 'mia' }],
    });
    const category = (name: string) =>
      sandbox.state.createGuildChannel(seeded.guild.id, { type: ChannelType.GuildCategory, name }).id;
    const id = (name: string) => seeded.users.get(name)?.id ?? '';
    const staffRoleId = seeded.roles.get('Staff')?.id ?? '';
    return { guildId: seeded.guild.id, category, id, staffRoleId };
  }

  function ticketInput(guild: ReturnType<typeof channelModeGuild>, categoryIds: string[], ticketId: string) {
    return {
      guildId: guild.guildId,
      categoryIds,
      name: `0042-support-alice`,
      topic: `Ticket #0042 · ticketflow:${ticketId}`,
      ticketId,
      creatorId: guild.id('alice'),
      staffRoleIds: [guild.staffRoleId],
    };
  }

  const canSend = (channelId: string, userId: string) =>
    hasPermission(channelPermissions(sandbox.state, channelId, userId), PermissionFlagsBits.SendMessages);

  it('makes a channel the creator and staff see and write in, another member does not see, in two requests', async () => {
    const guild = channelModeGuild();
    const first = guild.category('Tickets');
    const activities = discordActivities(sandbox);
    const start = sandbox.state.requestLog.length;
    const created = (await attempt(1).run(() =>
      activities.createTicketChannel(ticketInput(guild, [first], 'ticket-a')),
    )) as ChannelOpened;
    expect(requestsSince(start)).toEqual(['GET /users/@me', 'GET /guilds/:id/channels', 'POST /guilds/:id/channels']);
    if (created.outcome !== 'created') throw new Error('not created');
    const channel = sandbox.state.channels.get(created.channelId);
    expect(channel).toMatchObject({ parentId: first, name: '0042-support-alice', type: ChannelType.GuildText });
    expect(canSeeChannel(sandbox.state, created.channelId, guild.id('alice'))).toBe(true);
    expect(canSeeChannel(sandbox.state, created.channelId, guild.id('sam'))).toBe(true);
    expect(canSeeChannel(sandbox.state, created.channelId, guild.id('mia'))).toBe(false);
    expect(canSend(created.channelId, guild.id('alice'))).toBe(true);
    expect(canSend(created.channelId, guild.id('sam'))).toBe(true);
    expect(canSend(created.channelId, sandbox.bot.userId)).toBe(true);

    // A retry after a lost answer finds the channel by its topic instead of making a second one.
    const retried = sandbox.state.requestLog.length;
    expect(await attempt(2).run(() => activities.createTicketChannel(ticketInput(guild, [first], 'ticket-a')))).toEqual(
      created,
    );
    expect(requestsSince(retried)).toEqual(['GET /guilds/:id/channels']);
    const ticketChannels = [...sandbox.state.channels.values()].filter((each) => each.topic?.endsWith('ticket-a'));
    expect(ticketChannels).toHaveLength(1);
    expect(sandbox.specViolations).toEqual([]);
  });

  it('overflows into the next category when one holds 50 channels, and says when all are full', async () => {
    const guild = channelModeGuild();
    const [first, second] = [guild.category('Tickets'), guild.category('Tickets 2')];
    for (let index = 0; index < 50; index += 1) {
      sandbox.state.createGuildChannel(guild.guildId, { name: `old-${index}`, parentId: first });
    }
    const activities = discordActivities(sandbox);
    const overflowed = await activities.createTicketChannel(ticketInput(guild, [first, second], 'ticket-b'));
    if (overflowed.outcome !== 'created') throw new Error('not created');
    expect(sandbox.state.channels.get(overflowed.channelId)?.parentId).toBe(second);

    for (let index = 1; index < 50; index += 1) {
      sandbox.state.createGuildChannel(guild.guildId, { name: `more-${index}`, parentId: second });
    }
    expect(await activities.createTicketChannel(ticketInput(guild, [first, second], 'ticket-c'))).toEqual({
      outcome: 'categories_full',
      categoryCount: 2,
    });
  });

  it('takes the next category when Discord answers that one filled meanwhile', async () => {
    const guild = channelModeGuild();
    const [first, second] = [guild.category('Tickets'), guild.category('Tickets 2')];
    for (let index = 0; index < 49; index += 1) {
      sandbox.state.createGuildChannel(guild.guildId, { name: `old-${index}`, parentId: first });
    }
    // Another ticket takes the last place between this one's listing of the channels and its creation.
    const rest = createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
    const list = rest.get.bind(rest);
    let raced = false;
    rest.get = async (route, options) => {
      const answer = await list(route, options);
      if (!raced && route.endsWith('/channels')) {
        raced = true;
        sandbox.state.createGuildChannel(guild.guildId, { name: 'racer', parentId: first });
      }
      return answer;
    };
    const activities = createDiscordActivities(rest);
    const start = sandbox.state.requestLog.length;
    const created = await activities.createTicketChannel(ticketInput(guild, [first, second], 'ticket-d'));
    if (created.outcome !== 'created') throw new Error('not created');
    expect(sandbox.state.channels.get(created.channelId)?.parentId).toBe(second);
    expect(requestsSince(start)).toEqual([
      'GET /users/@me',
      'GET /guilds/:id/channels',
      'POST /guilds/:id/channels',
      'GET /guilds/:id/channels',
      'POST /guilds/:id/channels',
    ]);
  });

  it('adds and removes a member, locks the channel for its people while staff still write, and unlocks it', async () => {
    const guild = channelModeGuild();
    const activities = discordActivities(sandbox);
    const created = await activities.createTicketChannel(ticketInput(guild, [guild.category('Tickets')], 'ticket-e'));
    if (created.outcome !== 'created') throw new Error('not created');
    const channelId = created.channelId;
    const [alice, mia, sam] = [guild.id('alice'), guild.id('mia'), guild.id('sam')];
    const set = (access: 'write' | 'read' | 'none', ...ids: string[]) =>
      activities.setTicketChannelAccess({
        channelId,
        access: ids.map((id) => ({ id, kind: 'member' as const, access })),
        reason: 'test',
      });

    await set('write', mia);
    await set('write', mia);
    expect(canSend(channelId, mia)).toBe(true);

    await set('read', alice, mia);
    expect(canSeeChannel(sandbox.state, channelId, alice)).toBe(true);
    expect(canSend(channelId, alice)).toBe(false);
    expect(canSend(channelId, mia)).toBe(false);
    expect(canSend(channelId, sam)).toBe(true);

    await set('write', alice, mia);
    expect(canSend(channelId, alice)).toBe(true);

    await set('none', mia);
    await set('none', mia);
    expect(canSeeChannel(sandbox.state, channelId, mia)).toBe(false);

    await activities.deleteTicketChannel({ channelId, reason: 'final' });
    await activities.deleteTicketChannel({ channelId, reason: 'final, retried' });
    expect(sandbox.state.channels.has(channelId)).toBe(false);
    expect(sandbox.specViolations).toEqual([]);
  });

  it('unlocks a locked thread-mode ticket (a reopen), the same however often it runs', async () => {
    const guild = seedTicketGuild(sandbox);
    const activities = discordActivities(sandbox);
    const { threadId } = await activities.createTicketThread({
      guildId: guild.guild.id,
      channelId: guild.channel('tickets').id,
      name: 'ticket-0043',
    });
    await activities.lockThread({ threadId, reason: 'closed' });
    await activities.unlockThread({ threadId, reason: 'reopened' });
    await activities.unlockThread({ threadId, reason: 'reopened, retried' });
    const thread = sandbox.state.channels.get(threadId);
    if (!thread || !isThread(thread)) throw new Error('no thread');
    expect(thread.thread).toMatchObject({ archived: false, locked: false });
  });

  it('names what the bot lacks when it may not manage channels', async () => {
    const guild = channelModeGuild(TICKET_BOT_PERMISSIONS);
    const failure = await failureOf(
      discordActivities(sandbox).createTicketChannel(ticketInput(guild, [guild.category('Tickets')], 'ticket-f')),
      'DiscordForbidden',
    );
    expect(failure.message).toContain('Manage Channels');
  });
});
