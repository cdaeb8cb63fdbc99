import { ChannelType, type Client, GatewayIntentBits, PermissionFlagsBits, Routes } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDiscordRest } from '../../activities/discord/rest-client.ts';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { loginDiscordClient, nextEvent } from '../support/discord-client.ts';

describe('gateway: a discord.js client logs in and follows the world', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedGuild>;
  const clients: Client[] = [];
  const login = async (...args: Parameters<typeof loginDiscordClient> extends [unknown, ...infer R] ? R : never) => {
    const client = await loginDiscordClient(sandbox, ...args);
    clients.push(client);
    return client;
  };
  const rest = () => createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
  const user = (name: string) => guild.users.get(name) ?? expect.unreachable(`no ${name}`);
  const channel = (name: string) => guild.channels.get(name) ?? expect.unreachable(`no ${name}`);

  beforeEach(async () => {
    sandbox = await createDiscordSandbox({ heartbeatIntervalMs: 1000 });
    guild = seedGuild(sandbox.state, {
      botUserId: sandbox.bot.userId,
      roles: [{ name: 'Staff', permissions: String(PermissionFlagsBits.ManageThreads) }],
      members: [{ username: 'alice' }, { username: 'sam', roles: ['Staff'] }],
      textChannels: ['tickets', 'general'],
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.destroy()));
    await sandbox.close();
  });

  it('reaches ready with the guild, its roles and channels, and the bot as a member', async () => {
    const client = await login();

    expect(client.user.id).toBe(sandbox.bot.userId);
    expect(client.application.id).toBe(sandbox.bot.applicationId);
    const cached = client.guilds.cache.get(guild.guild.id);
    expect(cached?.name).toBe(guild.guild.name);
    expect(cached?.ownerId).toBe(guild.owner.id);
    expect(cached?.roles.everyone.id).toBe(guild.guild.id);
    const roleNames = sandbox.state.rolesOf(guild.guild.id).map((role) => role.name);
    expect(roleNames).toEqual(expect.arrayContaining(['@everyone', 'Staff']));
    expect(cached?.roles.cache.map((role) => role.name).sort()).toEqual(roleNames.sort());
    expect(cached?.channels.cache.map((each) => each.name).sort()).toEqual(['general', 'tickets']);
    expect(cached?.members.me?.permissions.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(cached?.members.cache.size).toBe(sandbox.state.membersOf(guild.guild.id).length);
    expect(sandbox.gateway.count('identify')).toBe(1);
  });

  it('answers a full member fetch (op 8) with every member', async () => {
    const client = await login();
    const members = await client.guilds.cache.get(guild.guild.id)?.members.fetch();
    expect(members?.map((member) => member.user.username).sort()).toEqual(['Ticketflow', 'alice', 'owner', 'sam']);
  });

  it('delivers a thread and messages made through REST and by members as events', async () => {
    const client = await login();
    const threadCreated = nextEvent(client, 'threadCreate');
    const thread = (await rest().post(Routes.threads(channel('tickets').id), {
      body: { name: 'ticket-0001', type: ChannelType.PrivateThread, invitable: false },
    })) as { id: string };
    const [cachedThread, newlyCreated] = await threadCreated;
    expect(cachedThread.id).toBe(thread.id);
    expect(newlyCreated).toBe(true);
    expect(cachedThread.joined).toBe(true);

    const membersUpdated = nextEvent(client, 'threadMembersUpdate');
    await rest().put(Routes.threadMembers(thread.id, user('alice').id));
    const [added] = await membersUpdated;
    expect([...added.keys()]).toEqual([user('alice').id]);

    const fromBot = nextEvent(client, 'messageCreate', (message) => message.content === 'Welcome!');
    await rest().post(Routes.channelMessages(thread.id), { body: { content: 'Welcome!', allowed_mentions: {} } });
    expect((await fromBot)[0].channelId).toBe(thread.id);

    const fromAlice = nextEvent(client, 'messageCreate', (message) => message.author.id === user('alice').id);
    const threadRecord = sandbox.state.channels.get(thread.id) ?? expect.unreachable('no thread');
    sandbox.state.createMessage(threadRecord, user('alice').id, { content: 'my order is late' });
    const [message] = await fromAlice;
    expect(message.content).toBe('my order is late');
    expect(message.channel.id).toBe(thread.id);
  });

  it('empties others’ messages without MESSAGE_CONTENT, unless they mention the bot', async () => {
    const client = await login([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const tickets = channel('tickets');
    const plain = nextEvent(client, 'messageCreate', (message) => message.author.id === user('alice').id);
    sandbox.state.createMessage(tickets, user('alice').id, { content: 'a secret' });
    expect((await plain)[0].content).toBe('');

    const mentioning = nextEvent(client, 'messageCreate', (message) => message.content !== '');
    sandbox.state.createMessage(tickets, user('alice').id, { content: `<@${sandbox.bot.userId}> help` });
    expect((await mentioning)[0].content).toBe(`<@${sandbox.bot.userId}> help`);
  });

  it('does not tell a client about a private thread its user cannot see, until it is added', async () => {
    const other = sandbox.state.createBot({ username: 'Otherbot' });
    sandbox.state.addMember(guild.guild.id, other.userId);
    const client = await login();
    const otherClient = await login(undefined, { token: other.token });
    const seenByOther: string[] = [];
    otherClient.on('threadCreate', (thread) => seenByOther.push(`thread ${thread.id}`));
    otherClient.on('messageCreate', (message) => seenByOther.push(`message ${message.content}`));

    const thread = (await rest().post(Routes.threads(channel('tickets').id), {
      body: { name: 'ticket-0002', type: ChannelType.PrivateThread, invitable: false },
    })) as { id: string };
    await rest().post(Routes.channelMessages(thread.id), { body: { content: 'private words' } });
    const publicMessage = nextEvent(otherClient, 'messageCreate', (message) => message.content === 'public words');
    await rest().post(Routes.channelMessages(channel('general').id), { body: { content: 'public words' } });
    await publicMessage;

    expect(seenByOther).toEqual(['message public words']);
    expect(otherClient.channels.cache.has(thread.id)).toBe(false);
    expect(client.channels.cache.has(thread.id)).toBe(true);

    const added = nextEvent(otherClient, 'threadCreate');
    await rest().put(Routes.threadMembers(thread.id, other.userId));
    const [shown, newlyCreated] = await added;
    expect([shown.id, newlyCreated]).toEqual([thread.id, false]);
    expect(shown.joined).toBe(true);
  });

  it('shows a guild the bot joins, its new members, and the guild going away when the bot is removed', async () => {
    const client = await login();
    const joined = nextEvent(client, 'guildCreate');
    const other = sandbox.state.createGuild({ name: 'Second guild', ownerId: user('alice').id });
    sandbox.state.addMember(other.id, sandbox.bot.userId);
    expect((await joined)[0].id).toBe(other.id);

    const memberAdded = nextEvent(client, 'guildMemberAdd');
    sandbox.state.addMember(other.id, user('sam').id);
    expect((await memberAdded)[0].id).toBe(user('sam').id);

    const left = nextEvent(client, 'guildDelete');
    sandbox.state.removeMember(other.id, sandbox.bot.userId);
    expect((await left)[0].id).toBe(other.id);
    expect(client.guilds.cache.has(other.id)).toBe(false);
  });

  it('refuses a bad token, and the members intent when the bot may not have it', async () => {
    await expect(login(undefined, { token: 'bad.token.value' })).rejects.toThrow(/token/i);
    sandbox.bot.guildMembersIntent = false;
    await expect(login()).rejects.toThrow('Used disallowed intents');
  });

  it('says HELLO with the configured interval in text frames, and closes a bad IDENTIFY with 4004', async () => {
    const socket = new WebSocket(`${sandbox.url.replace('http', 'ws')}/gw/?v=10&encoding=json`);
    const frames: { text: string; binary: boolean }[] = [];
    socket.on('message', (data, binary) => {
      frames.push({ text: String(data), binary });
      socket.send(JSON.stringify({ op: 2, d: { token: 'nope', intents: 1, properties: {} } }));
    });
    const [code] = await new Promise<[number]>((resolve) => socket.on('close', (closeCode) => resolve([closeCode])));
    expect(frames).toEqual([{ text: expect.stringContaining('"heartbeat_interval":1000'), binary: false }]);
    expect(JSON.parse(frames[0]?.text ?? '{}').op).toBe(10);
    expect(code).toBe(4004);
  });
});
