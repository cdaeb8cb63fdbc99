import type { Client, Message } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { loginDiscordClient, nextEvent } from '../support/discord-client.ts';

describe('gateway faults: a discord.js client recovers and misses nothing', () => {
  let sandbox: DiscordSandbox;
  let client: Client<true>;
  let guild: ReturnType<typeof seedGuild>;
  let received: string[];

  const alice = () => guild.users.get('alice') ?? expect.unreachable('no alice');
  const tickets = () => guild.channels.get('tickets') ?? expect.unreachable('no tickets');
  const say = (content: string) => sandbox.state.createMessage(tickets(), alice().id, { content });
  const arrived = (content: string) =>
    nextEvent(client, 'messageCreate', (message: Message) => message.content === content, 15_000);

  beforeEach(async () => {
    sandbox = await createDiscordSandbox({ heartbeatIntervalMs: 1000 });
    guild = seedGuild(sandbox.state, { botUserId: sandbox.bot.userId, members: [{ username: 'alice' }] });
    client = await loginDiscordClient(sandbox);
    received = [];
    client.on('messageCreate', (message) => received.push(message.content));
  });
  afterEach(async () => {
    await client.destroy();
    await sandbox.close();
  });

  it('resumes after a 4000 close and receives what was sent meanwhile exactly once', async () => {
    sandbox.gateway.closeAll(4000);
    say('while away 1');
    say('while away 2');
    await sandbox.gateway.waitFor('resume', 1);
    const after = arrived('after');
    say('after');
    await after;

    expect(received).toEqual(['while away 1', 'while away 2', 'after']);
    expect(sandbox.gateway.count('identify')).toBe(1);
  });

  it('resumes when heartbeats go unanswered (a zombie connection)', async () => {
    sandbox.gateway.pauseHeartbeatAcks();
    await sandbox.gateway.waitFor('disconnect', 1);
    sandbox.gateway.resumeHeartbeatAcks();
    await sandbox.gateway.waitFor('resume', 1);
    const after = arrived('still here');
    say('still here');
    await after;
    expect(sandbox.gateway.count('identify')).toBe(1);
  });

  it('resumes when told to reconnect (op 7)', async () => {
    sandbox.gateway.sendReconnect();
    await sandbox.gateway.waitFor('resume', 1);
    const after = arrived('after reconnect');
    say('after reconnect');
    await after;
    expect(received).toEqual(['after reconnect']);
  });

  it('identifies again after a non-resumable INVALID_SESSION, and keeps following the world', async () => {
    sandbox.gateway.invalidateSessions(false);
    // discord.js throttles identifies to one per 5 s, with jitter.
    await sandbox.gateway.waitFor('identify', 2, 15_000);
    const after = arrived('after re-identify');
    say('after re-identify');
    await after;
    expect(sandbox.gateway.count('resume')).toBe(0);
    expect(client.guilds.cache.has(guild.guild.id)).toBe(true);
  });

  it('resumes after a resumable INVALID_SESSION', async () => {
    sandbox.gateway.invalidateSessions(true);
    await sandbox.gateway.waitFor('resume', 1);
    const after = arrived('after invalid');
    say('after invalid');
    await after;
    expect(sandbox.gateway.count('identify')).toBe(1);
  });
});
