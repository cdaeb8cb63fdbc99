import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { channelPermissions, hasPermission } from '../../sandbox/discord/permissions/compute.ts';
import { canSeeChannel } from '../../sandbox/discord/permissions/visibility.ts';
import { TICKET_BOT_CHANNEL_MODE_PERMISSIONS } from '../../sandbox/discord/seed.ts';
import { discordActivities } from './discord-fixture.ts';

/** A channel-mode ticket's staff roles follow the guild's, through the real activity against the local Discord. */
describe("a ticket channel following the guild's staff roles", () => {
  let sandbox: DiscordSandbox;
  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
  });
  afterAll(() => sandbox.close());

  const requestsSince = (start: number) =>
    sandbox.state.requestLog
      .slice(start)
      .map((entry) => `${entry.method} ${decodeURIComponent(entry.path).replace(/\d{17,20}/g, ':id')}`);

  async function ticketChannel() {
    const seeded = seedGuild(sandbox.state, {
      botUserId: sandbox.bot.userId,
      botPermissions: TICKET_BOT_CHANNEL_MODE_PERMISSIONS,
      roles: [{ name: 'Staff' }, { name: 'Helpers' }, { name: 'Guests' }],
      members: [
        { username: 'alice' },
        { username: 'sam', roles: ['Staff'] },
        { username: 'hana', roles: ['Helpers'] },
        { username: 'gus', roles: ['Guests'] },
      ],
    });
    const guildId = seeded.guild.id;
    const user = (name: string) => seeded.users.get(name)?.id ?? '';
    const role = (name: string) => seeded.roles.get(name)?.id ?? '';
    const categoryId = sandbox.state.createGuildChannel(guildId, {
      type: ChannelType.GuildCategory,
      name: 'Tickets',
    }).id;
    const activities = discordActivities(sandbox);
    const created = await activities.createTicketChannel({
      guildId,
      categoryIds: [categoryId],
      name: '0042-support-alice',
      topic: 'Ticket #0042 · ticketflow:ticket-follow',
      ticketId: `ticket-follow-${guildId}`,
      creatorId: user('alice'),
      staffRoleIds: [role('Staff')],
    });
    if (created.outcome !== 'created') throw new Error('not created');
    return { guildId, user, role, activities, channelId: created.channelId };
  }

  it('lets a new staff role in and takes a removed one out, a request per changed overwrite, and nothing twice', async () => {
    const { guildId, user, role, activities, channelId } = await ticketChannel();
    // A role added to this ticket by hand (/ticket add-role) is not staff and is left alone.
    await activities.setTicketChannelAccess({
      channelId,
      access: [{ id: role('Guests'), kind: 'role', access: 'write' }],
      reason: 'Role added to the ticket',
    });
    expect(canSeeChannel(sandbox.state, channelId, user('sam'))).toBe(true);
    expect(canSeeChannel(sandbox.state, channelId, user('hana'))).toBe(false);

    const follow = {
      channelId,
      staffRoleIds: [role('Helpers')],
      removedRoleIds: [role('Staff'), guildId],
      reason: "Staff roles follow the server's",
    };
    const start = sandbox.state.requestLog.length;
    expect(await activities.followTicketChannelStaff(follow)).toEqual({ changed: 2 });
    expect(requestsSince(start)).toEqual([
      'GET /channels/:id',
      'PUT /channels/:id/permissions/:id',
      'DELETE /channels/:id/permissions/:id',
    ]);
    expect(canSeeChannel(sandbox.state, channelId, user('sam'))).toBe(false);
    expect(canSeeChannel(sandbox.state, channelId, user('hana'))).toBe(true);
    expect(
      hasPermission(channelPermissions(sandbox.state, channelId, user('hana')), PermissionFlagsBits.SendMessages),
    ).toBe(true);
    // @everyone stays hidden (its id was among the removed, as a careless caller might pass), the guest stays in.
    expect(canSeeChannel(sandbox.state, channelId, user('alice'))).toBe(true);
    expect(canSeeChannel(sandbox.state, channelId, user('gus'))).toBe(true);
    expect(sandbox.state.channels.get(channelId)?.permissionOverwrites?.some((o) => o.id === guildId)).toBe(true);

    // A retry (the answer lost) reads the channel and finds nothing to change.
    const retried = sandbox.state.requestLog.length;
    expect(await activities.followTicketChannelStaff(follow)).toEqual({ changed: 0 });
    expect(requestsSince(retried)).toEqual(['GET /channels/:id']);
    expect(sandbox.specViolations).toEqual([]);
  });
});
