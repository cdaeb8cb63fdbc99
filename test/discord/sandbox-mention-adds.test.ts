import {
  ChannelType,
  type Client,
  type Message,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type TextChannel,
  type ThreadChannel,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { TICKET_BOT_PERMISSIONS } from '../../sandbox/discord/seed.ts';
import { loginDiscordClient, nextEvent } from '../support/discord-client.ts';
import { seedTicketGuild } from './discord-fixture.ts';

/** People a message in a thread mentions join the thread, as on Discord; seen through a real discord.js bot. */
describe('Discord sandbox mention-adds', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let client: Client<true>;
  let threadCount = 0;

  beforeAll(async () => {
    sandbox = await createDiscordSandbox();
    guild = seedTicketGuild(sandbox);
    const everyone = sandbox.state.createRole(guild.guild.id, { name: 'Everyone else', mentionable: true });
    for (let index = 0; index < 101; index += 1) {
      const user = sandbox.state.createUser({ username: `regular${index}` });
      sandbox.state.addMember(guild.guild.id, user.id, { roleIds: [everyone.id] });
    }
    client = await loginDiscordClient(sandbox);
  });
  afterAll(async () => {
    await client?.destroy();
    await sandbox?.close();
  });

  const id = (name: string) => guild.user(name).id;
  const role = (name: string) => sandbox.state.rolesOf(guild.guild.id).find((each) => each.name === name)?.id ?? '';
  const memberIds = (thread: ThreadChannel) => sandbox.state.threadMembers(thread.id).map((member) => member.userId);

  async function privateThread(invitable = false): Promise<ThreadChannel> {
    threadCount += 1;
    const tickets = client.channels.cache.get(guild.channel('tickets').id) as TextChannel;
    return tickets.threads.create({ name: `ticket-${threadCount}`, type: ChannelType.PrivateThread, invitable });
  }

  it('adds the users and the human members of the roles a message mentions, as a PUT add does', async () => {
    const thread = await privateThread();
    const joined = nextEvent(client, 'threadMembersUpdate', (added) => added.has(id('mia')));
    const message = await thread.send({
      content: `<@${id('alice')}>, <@&${role('Staff')}> and <@&${role('Moderators')}> will help`,
      allowedMentions: { parse: [], users: [id('alice')], roles: [role('Staff'), role('Moderators')] },
      flags: MessageFlags.SuppressNotifications,
    });

    expect(message.flags.has(MessageFlags.SuppressNotifications)).toBe(true);
    expect(message.flags.has(MessageFlags.FailedToMentionSomeRolesInThread)).toBe(false);
    // Staff holds sam and helperbot; bots are not added by mention.
    expect(memberIds(thread)).toEqual([sandbox.bot.userId, id('alice'), id('sam'), id('mia')]);
    const [added, , updated] = await joined;
    expect(added.first()?.id).toBe(id('mia'));
    expect(updated.id).toBe(thread.id);
    const notices = sandbox.state.messagesIn(thread.id).filter((each) => each.type === MessageType.RecipientAdd);
    expect(notices.map((notice) => notice.mentions[0]?.id)).toEqual([id('alice'), id('sam'), id('mia')]);
  });

  it('adds only resolved mentions: one allowed_mentions filters out adds nobody', async () => {
    const thread = await privateThread();
    await thread.send({ content: `Thanks <@${id('mia')}>`, allowedMentions: { parse: [] } });
    expect(memberIds(thread)).toEqual([sandbox.bot.userId]);
  });

  it('adds nobody of a role of more than 100 members, and flags the message in the answer and the event', async () => {
    const thread = await privateThread();
    const created = nextEvent(client, 'messageCreate', (message) => message.channelId === thread.id);
    const message = await thread.send({
      content: `<@&${role('Everyone else')}> <@${id('alice')}>`,
      allowedMentions: { parse: [], users: [id('alice')], roles: [role('Everyone else')] },
    });
    const [announced] = (await created) as [Message];

    expect(message.flags.has(MessageFlags.FailedToMentionSomeRolesInThread)).toBe(true);
    expect(announced.flags.has(MessageFlags.FailedToMentionSomeRolesInThread)).toBe(true);
    expect(memberIds(thread)).toEqual([sandbox.bot.userId, id('alice')]);
  });

  it('adds whom an edit mentions', async () => {
    const thread = await privateThread();
    const message = await thread.send({ content: 'Staff will join shortly', allowedMentions: { parse: [] } });
    await message.edit({ content: `<@${id('sam')}> will help`, allowedMentions: { users: [id('sam')] } });
    expect(memberIds(thread)).toEqual([sandbox.bot.userId, id('sam')]);
  });

  it('follows the rules of adding members: the parent channel must be visible, and invitable binds members', async () => {
    const hidden = sandbox.state.createUser({ username: 'hidden' });
    sandbox.state.addMember(guild.guild.id, hidden.id);
    const tickets = guild.channel('tickets');
    tickets.permissionOverwrites.push({
      id: hidden.id,
      type: 1,
      allow: '0',
      deny: PermissionFlagsBits.ViewChannel.toString(),
    });

    const closed = await privateThread(false);
    await closed.send({ content: `<@${hidden.id}>`, allowedMentions: { users: [hidden.id] } });
    expect(memberIds(closed)).toEqual([sandbox.bot.userId]);
    await expect(closed.members.add(hidden.id)).rejects.toMatchObject({ status: 403, code: 50001 });

    // alice, no moderator, may add others to an invitable thread only.
    await closed.members.add(id('alice'));
    sandbox.driver.as(id('alice')).sendMessage(closed.id, `<@${id('sam')}> can you look?`);
    expect(memberIds(closed)).not.toContain(id('sam'));
    const open = await privateThread(true);
    await open.members.add(id('alice'));
    sandbox.driver.as(id('alice')).sendMessage(open.id, `<@${id('sam')}> can you look?`);
    expect(memberIds(open)).toContain(id('sam'));
  });

  it('resolves no role an author may not ping, without refusing the message', async () => {
    // A second guild whose bot lacks MENTION_EVERYONE: a role that is not mentionable is then not pinged.
    const joined = nextEvent(client, 'guildCreate');
    const other = seedGuild(sandbox.state, {
      botUserId: sandbox.bot.userId,
      botPermissions: TICKET_BOT_PERMISSIONS & ~PermissionFlagsBits.MentionEveryone,
      roles: [{ name: 'Quiet staff' }],
      members: [{ username: 'quinn', roles: ['Quiet staff'] }],
    });
    await joined;
    const quietStaff = other.roles.get('Quiet staff')?.id ?? '';
    const channel = (await client.channels.fetch(other.channels.get('tickets')?.id ?? '')) as TextChannel;
    const thread = await channel.threads.create({ name: 'quiet', type: ChannelType.PrivateThread });
    const message = await thread.send({
      content: `<@&${quietStaff}>`,
      allowedMentions: { roles: [quietStaff] },
    });
    expect(message.mentions.roles.size).toBe(0);
    expect(memberIds(thread)).toEqual([sandbox.bot.userId]);
  });
});

describe('Discord sandbox thread member cap', () => {
  it('stops mention-adds at 1000 members, where PUT answers 30033', async () => {
    const sandbox = await createDiscordSandbox();
    try {
      const guild = seedTicketGuild(sandbox);
      const thread = sandbox.state.createThread({
        parent: guild.channel('tickets'),
        name: 'crowded',
        type: ChannelType.PrivateThread,
        invitable: false,
        autoArchiveDuration: 1440,
        ownerId: sandbox.bot.userId,
      });
      for (let index = 0; index < 998; index += 1) {
        const user = sandbox.state.createUser({ username: `member${index}` });
        sandbox.state.addMember(guild.guild.id, user.id);
        sandbox.state.addThreadMember(thread, user.id, user.id);
      }
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`${sandbox.apiBaseUrl}${path}`, {
          method,
          headers: { Authorization: `Bot ${sandbox.bot.token}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const [alice, sam, mia] = ['alice', 'sam', 'mia'].map((name) => guild.user(name).id);

      await call('POST', `/channels/${thread.id}/messages`, { content: `<@${alice}> <@${sam}>` });
      expect(sandbox.state.threadMembers(thread.id)).toHaveLength(1000);
      expect(sandbox.state.threadMembers(thread.id).map((member) => member.userId)).toContain(alice);

      const full = await call('PUT', `/channels/${thread.id}/thread-members/${mia}`);
      expect(full.status).toBe(400);
      expect(await full.json()).toEqual({
        code: 30033,
        message: 'Maximum number of thread participants has been reached (1000)',
      });
      expect((await call('PUT', `/channels/${thread.id}/thread-members/${alice}`)).status).toBe(204);
    } finally {
      await sandbox.close();
    }
  });
});
