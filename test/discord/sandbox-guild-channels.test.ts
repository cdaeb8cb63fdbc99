import { type Client, DiscordAPIError, type Guild } from 'discord.js';
import { ChannelType, GatewayDispatchEvents, PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GatewayDispatch } from '../../sandbox/discord/events/dispatch.ts';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { canSeeChannel } from '../../sandbox/discord/permissions/visibility.ts';
import { TICKET_BOT_CHANNEL_MODE_PERMISSIONS, TICKET_BOT_PERMISSIONS } from '../../sandbox/discord/seed.ts';
import { DiscordState } from '../../sandbox/discord/state/discord-state.ts';
import { callSandbox, loginDiscordClient, nextEvent } from '../support/discord-client.ts';

const { ViewChannel, SendMessages, ReadMessageHistory, ManageMessages, ManageRoles } = PermissionFlagsBits;
const bits = (...flags: bigint[]) => flags.reduce((all, flag) => all | flag, 0n).toString();

/** Text channels and categories as channel-mode tickets use them, over plain HTTP: what any client would see. */
describe('Discord sandbox guild channels', () => {
  let sandbox: DiscordSandbox;
  let seeded: ReturnType<typeof seedGuild>;
  let dispatches: GatewayDispatch[];

  beforeAll(async () => {
    // Many plain fetches in a row, which never wait on a limit; the limits are tested in sandbox-rate-limits.test.ts.
    sandbox = await createDiscordSandbox({ rateLimits: { routes: {}, global: { limit: 1_000, windowMs: 1_000 } } });
    seeded = seedGuild(sandbox.state, {
      botUserId: sandbox.bot.userId,
      botPermissions: TICKET_BOT_CHANNEL_MODE_PERMISSIONS,
      roles: [{ name: 'Staff' }],
      members: [{ username: 'alice' }, { username: 'sam', roles: ['Staff'] }, { username: 'mia' }],
    });
    sandbox.state.onDispatch((dispatch) => dispatches.push(dispatch));
  });
  beforeEach(() => {
    dispatches = [];
  });
  afterAll(() => sandbox.close());

  const guildId = () => seeded.guild.id;
  const user = (name: string) => seeded.users.get(name)?.id ?? '';
  const staff = () => seeded.roles.get('Staff')?.id ?? '';

  /** Status and body only: what these checks compare. */
  const call = async (method: string, path: string, body?: unknown) => {
    const { status, body: answer } = await callSandbox(sandbox, method, path, body);
    return { status, body: answer };
  };

  /** A ticket channel's overwrites: hidden from @everyone, open to its creator, the staff role and the bot. */
  const ticketOverwrites = (creatorId: string) => [
    { id: guildId(), type: 0, allow: '0', deny: bits(ViewChannel) },
    { id: creatorId, type: 1, allow: bits(ViewChannel, SendMessages, ReadMessageHistory), deny: '0' },
    { id: staff(), type: 0, allow: bits(ViewChannel, SendMessages, ReadMessageHistory), deny: '0' },
    { id: sandbox.bot.userId, type: 1, allow: bits(ViewChannel, SendMessages, ReadMessageHistory), deny: '0' },
  ];

  const createCategory = async (name: string) => {
    const answer = await call('POST', `/guilds/${guildId()}/channels`, { name, type: ChannelType.GuildCategory });
    expect(answer.status).toBe(201);
    return answer.body as { id: string; name: string };
  };

  it('creates a category and a private text channel in it, named and visible as on Discord', async () => {
    const category = await createCategory('Open Tickets');
    expect(category).toMatchObject({ type: 4, name: 'Open Tickets', parent_id: null, guild_id: guildId() });
    const created = await call('POST', `/guilds/${guildId()}/channels`, {
      name: 'Ticket 0042  Alice!',
      type: 0,
      parent_id: category.id,
      topic: 'Support ticket of alice',
      permission_overwrites: ticketOverwrites(user('alice')),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 0,
      name: 'ticket-0042-alice',
      parent_id: category.id,
      topic: 'Support ticket of alice',
    });
    expect(created.body.permission_overwrites).toHaveLength(4);
    const channelId = created.body.id as string;

    const state = sandbox.state;
    expect(canSeeChannel(state, channelId, user('alice'))).toBe(true);
    expect(canSeeChannel(state, channelId, user('sam'))).toBe(true);
    expect(canSeeChannel(state, channelId, user('mia'))).toBe(false);
    // CHANNEL_CREATE reaches only those who see the channel.
    const create = dispatches.find(
      (each) => each.event === GatewayDispatchEvents.ChannelCreate && (each.data as { id: string }).id === channelId,
    );
    expect(create?.visibleTo?.(user('alice'))).toBe(true);
    expect(create?.visibleTo?.(user('mia'))).toBe(false);

    // Messages there: the creator and staff read and write, the others see nothing.
    expect((await call('POST', `/channels/${channelId}/messages`, { content: 'Welcome' })).status).toBe(200);
    sandbox.driver.as(user('alice')).sendMessage(channelId, 'My printer is on fire');
    expect(() => sandbox.driver.as(user('mia')).sendMessage(channelId, 'let me in')).toThrow(/cannot see/);
    const history = await call('GET', `/channels/${channelId}/messages`);
    expect(history.body.map((message: { content: string }) => message.content)).toEqual([
      'My printer is on fire',
      'Welcome',
    ]);
    expect(sandbox.specViolations).toEqual([]);
  });

  it('starts a channel made in a category without overwrites synced with the category', async () => {
    const category = await createCategory('Synced');
    // The bot keeps its own way in: with @everyone denied the category, it would no longer see it.
    const overwrites = [
      { id: sandbox.bot.userId, type: 1, allow: bits(ViewChannel), deny: '0' },
      { id: guildId(), type: 0, allow: '0', deny: bits(ViewChannel) },
    ];
    for (const { id, ...overwrite } of overwrites)
      expect((await call('PUT', `/channels/${category.id}/permissions/${id}`, overwrite)).status).toBe(204);
    const child = await call('POST', `/guilds/${guildId()}/channels`, { name: 'inherits', parent_id: category.id });
    expect(child.body.permission_overwrites).toEqual(overwrites);
  });

  it('refuses bad names, and keeps a category name as given', async () => {
    const errors = async (name: unknown) =>
      (await call('POST', `/guilds/${guildId()}/channels`, { name, type: 0 })).body;
    expect(await errors('')).toMatchObject({
      code: 50035,
      errors: {
        name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] },
      },
    });
    expect((await errors('x'.repeat(101))).errors.name._errors[0].code).toBe('BASE_TYPE_BAD_LENGTH');
    expect((await errors('?!.')).errors.name._errors[0].code).toBe('BASE_TYPE_BAD_LENGTH');
    expect((await errors(42)).errors.name._errors[0].code).toBe('STRING_TYPE_CONVERT');
    const voice = await call('POST', `/guilds/${guildId()}/channels`, { name: 'talk', type: 2 });
    expect(voice.body.errors.type._errors[0].code).toBe('BASE_TYPE_CHOICES');
    expect((await createCategory('Tickets  Overflow 2')).name).toBe('Tickets  Overflow 2');
  });

  it('answers a full category with Discord’s CHANNEL_PARENT_MAX_CHANNELS, on create and on move, nothing made', async () => {
    const full = await createCategory('Full');
    for (let index = 0; index < 50; index += 1)
      sandbox.state.createGuildChannel(guildId(), { name: `ticket-${index}`, parentId: full.id });
    const expected = {
      status: 400,
      body: {
        code: 50035,
        message: 'Invalid Form Body',
        errors: {
          parent_id: {
            _errors: [
              { code: 'CHANNEL_PARENT_MAX_CHANNELS', message: 'Maximum number of channels in category reached (50)' },
            ],
          },
        },
      },
    };
    const before = sandbox.state.channels.size;
    expect(await call('POST', `/guilds/${guildId()}/channels`, { name: 'ticket-50', parent_id: full.id })).toEqual(
      expected,
    );
    expect(sandbox.state.channels.size).toBe(before);
    const loose = await call('POST', `/guilds/${guildId()}/channels`, { name: 'loose' });
    expect(await call('PATCH', `/channels/${loose.body.id}`, { parent_id: full.id })).toEqual(expected);
    // The overflow category takes it.
    const overflow = await createCategory('Full 2');
    const moved = await call('PATCH', `/channels/${loose.body.id}`, { parent_id: overflow.id });
    expect(moved.body.parent_id).toBe(overflow.id);
    // A parent that is no category is refused on the same field.
    const notCategory = await call('POST', `/guilds/${guildId()}/channels`, { name: 'x', parent_id: loose.body.id });
    expect(notCategory.body.errors.parent_id._errors[0].code).toBe('CHANNEL_PARENT_INVALID');
  });

  it('answers 30013 once the guild has 500 channels', async () => {
    const other = seedGuild(sandbox.state, {
      botUserId: sandbox.bot.userId,
      botPermissions: TICKET_BOT_CHANNEL_MODE_PERMISSIONS,
      textChannels: [],
    });
    for (let index = 0; index < 500; index += 1)
      sandbox.state.createGuildChannel(other.guild.id, { name: `room-${index}` });
    expect(await call('POST', `/guilds/${other.guild.id}/channels`, { name: 'one-more' })).toEqual({
      status: 400,
      body: { code: 30013, message: 'Maximum number of guild channels reached (500)' },
    });
  });

  it('refuses without MANAGE_CHANNELS or MANAGE_ROLES, and overwrites granting what the bot lacks', async () => {
    const plain = seedGuild(sandbox.state, { botUserId: sandbox.bot.userId, botPermissions: TICKET_BOT_PERMISSIONS });
    const missing = { status: 403, body: { code: 50013, message: 'Missing Permissions' } };
    expect(await call('POST', `/guilds/${plain.guild.id}/channels`, { name: 'nope' })).toEqual(missing);
    const tickets = plain.channels.get('tickets')?.id;
    expect(await call('PATCH', `/channels/${tickets}`, { name: 'renamed' })).toEqual(missing);
    expect(
      await call('PUT', `/channels/${tickets}/permissions/${plain.guild.id}`, { type: 0, allow: '0', deny: '1024' }),
    ).toEqual(missing);
    expect(await call('DELETE', `/channels/${tickets}`)).toEqual(missing);

    // The bot holds MANAGE_CHANNELS and MANAGE_ROLES but not MANAGE_MESSAGES, and is no administrator.
    const grants = async (allow: bigint) =>
      call('POST', `/guilds/${guildId()}/channels`, {
        name: 'grants',
        permission_overwrites: [{ id: user('sam'), type: 1, allow: allow.toString(), deny: '0' }],
      });
    expect(await grants(ManageMessages)).toEqual(missing);
    expect(await grants(ManageRoles)).toEqual(missing);
    expect((await grants(ViewChannel | SendMessages)).status).toBe(201);

    // An administrator gave the bot MANAGE_MESSAGES in a category: editing a channel there may grant it, creating
    // one may not (Discord checks the guild at creation, the guild or the category on edits).
    const category = await createCategory('Moderated');
    const categoryRecord = sandbox.state.channels.get(category.id);
    if (!categoryRecord) throw new Error('no category');
    sandbox.state.putPermissionOverwrite(categoryRecord, {
      id: sandbox.bot.userId,
      type: 1,
      allow: bits(ViewChannel, ManageMessages),
      deny: '0',
    });
    const inside = await call('POST', `/guilds/${guildId()}/channels`, { name: 'inside', parent_id: category.id });
    const samMay = { type: 1, allow: bits(ViewChannel, ManageMessages), deny: '0' };
    expect((await call('PUT', `/channels/${inside.body.id}/permissions/${user('sam')}`, samMay)).status).toBe(204);
    const created = await call('POST', `/guilds/${guildId()}/channels`, {
      name: 'created-inside',
      parent_id: category.id,
      permission_overwrites: [{ id: user('sam'), ...samMay }],
    });
    expect(created).toEqual(missing);
  });

  it('edits name, topic, parent and overwrites with CHANNEL_UPDATE to who saw it before or after', async () => {
    const channel = await call('POST', `/guilds/${guildId()}/channels`, {
      name: 'ticket-0043',
      permission_overwrites: ticketOverwrites(user('alice')),
    });
    const id = channel.body.id as string;
    dispatches = [];
    const edited = await call('PATCH', `/channels/${id}`, {
      name: 'Ticket 0043 Urgent',
      topic: 'Escalated',
      permission_overwrites: ticketOverwrites(user('mia')),
    });
    expect(edited.body).toMatchObject({ name: 'ticket-0043-urgent', topic: 'Escalated' });
    expect(canSeeChannel(sandbox.state, id, user('alice'))).toBe(false);
    expect(canSeeChannel(sandbox.state, id, user('mia'))).toBe(true);
    const update = dispatches.find((each) => each.event === GatewayDispatchEvents.ChannelUpdate);
    expect(update?.visibleTo?.(user('alice'))).toBe(true);
    expect(update?.visibleTo?.(user('mia'))).toBe(true);

    const unknownRole = await call('PATCH', `/channels/${id}`, {
      permission_overwrites: [{ id: '12345678901234567', type: 0, allow: '1024', deny: '0' }],
    });
    expect(unknownRole).toEqual({ status: 404, body: { code: 10011, message: 'Unknown Role' } });
    const badBits = await call('PATCH', `/channels/${id}`, {
      permission_overwrites: [{ id: user('sam'), type: 1, allow: 'view', deny: '0' }],
    });
    expect(badBits.status).toBe(400);
    expect(badBits.body.code).toBe(50035);
    expect(sandbox.state.channels.get(id)?.permissionOverwrites).toHaveLength(4);
  });

  it('puts and deletes one overwrite, 204 each, and refuses them on a thread', async () => {
    const channel = await call('POST', `/guilds/${guildId()}/channels`, {
      name: 'ticket-0044',
      permission_overwrites: ticketOverwrites(user('alice')),
    });
    const id = channel.body.id as string;
    const allowMia = { type: 1, allow: bits(ViewChannel, SendMessages), deny: '0' };
    expect((await call('PUT', `/channels/${id}/permissions/${user('mia')}`, allowMia)).status).toBe(204);
    expect(canSeeChannel(sandbox.state, id, user('mia'))).toBe(true);
    expect((await call('DELETE', `/channels/${id}/permissions/${user('mia')}`)).status).toBe(204);
    expect(canSeeChannel(sandbox.state, id, user('mia'))).toBe(false);
    // Already gone is still gone.
    expect((await call('DELETE', `/channels/${id}/permissions/${user('mia')}`)).status).toBe(204);
    const missingType = await call('PUT', `/channels/${id}/permissions/${user('mia')}`, { allow: '1024' });
    expect(missingType.body.errors.type._errors[0].code).toBe('BASE_TYPE_REQUIRED');

    const thread = await call('POST', `/channels/${id}/threads`, { name: 'side', type: 12 });
    expect((await call('PUT', `/channels/${thread.body.id}/permissions/${user('mia')}`, allowMia)).body.code).toBe(
      50024,
    );
  });

  it('deletes a text channel with its threads, and a category leaving its channels uncategorised', async () => {
    const category = await createCategory('Doomed');
    const child = await call('POST', `/guilds/${guildId()}/channels`, { name: 'child', parent_id: category.id });
    const thread = await call('POST', `/channels/${child.body.id}/threads`, { name: 'side', type: 12 });
    dispatches = [];
    const deletedCategory = await call('DELETE', `/channels/${category.id}`);
    expect(deletedCategory.body).toMatchObject({ id: category.id, type: 4 });
    expect(sandbox.state.channels.get(child.body.id)?.parentId).toBeNull();
    expect(dispatches.map((each) => each.event)).toEqual([
      GatewayDispatchEvents.ChannelDelete,
      GatewayDispatchEvents.ChannelUpdate,
    ]);
    dispatches = [];
    expect((await call('DELETE', `/channels/${child.body.id}`)).status).toBe(200);
    expect(sandbox.state.channels.has(thread.body.id)).toBe(false);
    expect(dispatches.map((each) => each.event)).toEqual([
      GatewayDispatchEvents.ThreadDelete,
      GatewayDispatchEvents.ChannelDelete,
    ]);
    expect((await call('GET', `/channels/${child.body.id}`)).body.code).toBe(10003);
  });

  it('refuses messages and threads in a category', async () => {
    const category = await createCategory('Quiet');
    expect(await call('POST', `/channels/${category.id}/messages`, { content: 'hi' })).toEqual({
      status: 400,
      body: { code: 50008, message: 'Cannot send messages in a non-text channel' },
    });
    expect((await call('POST', `/channels/${category.id}/threads`, { name: 't', type: 12 })).body.code).toBe(50024);
  });

  it('removes a thread member: 204 with a system message, then Unknown Member', async () => {
    const channel = await call('POST', `/guilds/${guildId()}/channels`, { name: 'threads-here' });
    const thread = await call('POST', `/channels/${channel.body.id}/threads`, { name: 'ticket-0045', type: 12 });
    await call('PUT', `/channels/${thread.body.id}/thread-members/${user('alice')}`);
    const one = await call('GET', `/channels/${thread.body.id}/thread-members/${user('alice')}?with_member=true`);
    expect(one.body).toMatchObject({
      id: thread.body.id,
      user_id: user('alice'),
      member: { user: { id: user('alice') } },
    });
    dispatches = [];
    expect((await call('DELETE', `/channels/${thread.body.id}/thread-members/${user('alice')}`)).status).toBe(204);
    expect(sandbox.state.threadMembers(thread.body.id).map((member) => member.userId)).toEqual([sandbox.bot.userId]);
    const update = dispatches.find((each) => each.event === GatewayDispatchEvents.ThreadMembersUpdate);
    expect(update?.data).toMatchObject({ removed_member_ids: [user('alice')] });
    const messages = sandbox.state.messagesIn(thread.body.id);
    expect(messages.at(-1)).toMatchObject({ type: 2, mentions: [{ id: user('alice') }] });
    const unknownMember = { status: 404, body: { code: 10007, message: 'Unknown Member' } };
    expect(await call('DELETE', `/channels/${thread.body.id}/thread-members/${user('alice')}`)).toEqual(unknownMember);
    expect(await call('GET', `/channels/${thread.body.id}/thread-members/${user('alice')}`)).toEqual(unknownMember);
  });

  it('keeps categories, parents and overwrites in snapshots', async () => {
    const category = await createCategory('Kept');
    const child = await call('POST', `/guilds/${guildId()}/channels`, {
      name: 'kept-child',
      parent_id: category.id,
      permission_overwrites: ticketOverwrites(user('alice')),
    });
    const restored = new DiscordState({ restoreFrom: JSON.parse(JSON.stringify(sandbox.state.snapshot())) });
    expect(restored.channels.get(category.id)?.type).toBe(ChannelType.GuildCategory);
    expect(restored.channels.get(child.body.id)).toMatchObject({ parentId: category.id });
    expect(restored.channels.get(child.body.id)?.permissionOverwrites).toHaveLength(4);
    expect(sandbox.specViolations).toEqual([]);
  });

  describe('through discord.js', () => {
    let client: Client<true>;
    let guild: Guild;

    beforeAll(async () => {
      client = await loginDiscordClient(sandbox);
      guild = await client.guilds.fetch(guildId());
    });
    afterAll(() => client.destroy());

    it('creates a category and a private ticket channel, edits its overwrites, moves, renames and deletes it', async () => {
      const category = await guild.channels.create({ name: 'Tickets', type: ChannelType.GuildCategory });
      expect(category.type).toBe(ChannelType.GuildCategory);
      const [alice, mia] = await Promise.all([guild.members.fetch(user('alice')), guild.members.fetch(user('mia'))]);
      const channel = await guild.channels.create({
        name: 'Ticket 0050',
        type: ChannelType.GuildText,
        parent: category,
        topic: 'alice needs help',
        permissionOverwrites: [
          { id: guild.roles.everyone, deny: [PermissionFlagsBits.ViewChannel] },
          { id: alice, allow: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages] },
          { id: staff(), allow: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages] },
          { id: client.user.id, allow: [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages] },
        ],
      });
      expect(channel).toMatchObject({ name: 'ticket-0050', parentId: category.id, topic: 'alice needs help' });
      expect(channel.permissionsFor(alice).has(PermissionFlagsBits.ViewChannel)).toBe(true);
      expect(channel.permissionsFor(mia).has(PermissionFlagsBits.ViewChannel)).toBe(false);

      const updated = nextEvent(client, 'channelUpdate', (_old, next) => next.id === channel.id);
      await channel.permissionOverwrites.edit(mia, { ViewChannel: true });
      await updated;
      expect(canSeeChannel(sandbox.state, channel.id, mia.id)).toBe(true);
      await channel.permissionOverwrites.delete(mia);
      expect(canSeeChannel(sandbox.state, channel.id, mia.id)).toBe(false);

      const archive = await guild.channels.create({ name: 'Closed Tickets', type: ChannelType.GuildCategory });
      const moved = await channel.setParent(archive, { lockPermissions: false });
      expect(moved.parentId).toBe(archive.id);
      expect((await channel.setName('Ticket 0050 Closed')).name).toBe('ticket-0050-closed');

      await channel.delete();
      expect(sandbox.state.channels.has(channel.id)).toBe(false);
      expect(sandbox.specViolations).toEqual([]);
    });

    it('rejects a channel in a full category with Discord’s error, which a bot can tell apart', async () => {
      const full = await guild.channels.create({ name: 'Brimful', type: ChannelType.GuildCategory });
      for (let index = 0; index < 50; index += 1)
        sandbox.state.createGuildChannel(guildId(), { name: `ticket-${index}`, parentId: full.id });
      const error = await guild.channels
        .create({ name: 'ticket-overflow', parent: full })
        .catch((reason: unknown) => reason);
      expect(error).toBeInstanceOf(DiscordAPIError);
      const apiError = error as DiscordAPIError;
      expect(apiError.code).toBe(50035);
      expect(apiError.status).toBe(400);
      expect(apiError.message).toContain('Maximum number of channels in category reached (50)');
      expect(apiError.rawError).toMatchObject({
        errors: { parent_id: { _errors: [{ code: 'CHANNEL_PARENT_MAX_CHANNELS' }] } },
      });
    });

    it("lists the roles, and a role's members through the members list (Server Members intent)", async () => {
      const roles = await guild.roles.fetch();
      expect(roles.get(staff())?.name).toBe('Staff');
      expect(roles.has(guild.id)).toBe(true);
      const members = await guild.members.list({ limit: 1000 });
      const staffMembers = members.filter((member) => member.roles.cache.has(staff()));
      expect([...staffMembers.keys()]).toEqual([user('sam')]);
      expect(sandbox.specViolations).toEqual([]);
    });
  });
});
