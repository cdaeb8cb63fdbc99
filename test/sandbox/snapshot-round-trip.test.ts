import { Routes } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordRest } from '../../activities/discord/rest-client.ts';
import { compareDiscordIds } from '../../domain/discord-id.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { DiscordState } from '../../sandbox/discord/state/discord-state.ts';
import type { DiscordStateSnapshot } from '../../sandbox/discord/state/snapshot.ts';
import { seedTicketGuild } from '../discord/discord-fixture.ts';
import { openTicketThread, restAnswers } from './sandbox-world.ts';

/** A snapshot goes through JSON as it does through the file. */
const throughJson = (snapshot: DiscordStateSnapshot): DiscordStateSnapshot => JSON.parse(JSON.stringify(snapshot));
const withoutSavedAt = ({ savedAt: _, ...rest }: DiscordStateSnapshot) => rest;

describe('DiscordState snapshot', () => {
  const sandboxes: DiscordSandbox[] = [];
  afterEach(async () => {
    await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
  });
  const started = async (...args: Parameters<typeof createDiscordSandbox>) => {
    const sandbox = await createDiscordSandbox(...args);
    sandboxes.push(sandbox);
    return sandbox;
  };

  async function ticketWorld() {
    const original = await started();
    const guild = seedTicketGuild(original);
    const endpoint = { apiBaseUrl: original.apiBaseUrl, botToken: original.bot.token };
    const { thread, messages } = await openTicketThread(endpoint, {
      channelId: guild.channel('tickets').id,
      name: 'ticket-0042',
      memberIds: [guild.user('alice').id, guild.user('sam').id],
    });
    return { original, guild, thread, messages };
  }

  it('restores a world with a thread, members and messages: same ids, same REST answers', async () => {
    const { original, guild, thread, messages } = await ticketWorld();
    const snapshot = throughJson(original.state.snapshot());

    const restored = await started({ restoreFrom: snapshot, botToken: original.bot.token });
    expect(restored.bot).toEqual(original.bot);
    expect(withoutSavedAt(restored.state.snapshot())).toEqual(withoutSavedAt(snapshot));

    const ids = { guildId: guild.guild.id, threadId: thread.id };
    const before = await restAnswers({ apiBaseUrl: original.apiBaseUrl, botToken: original.bot.token }, ids);
    const after = await restAnswers({ apiBaseUrl: restored.apiBaseUrl, botToken: restored.bot.token }, ids);
    expect(after).toEqual(before);
    expect(after[`/channels/${thread.id}`]).toMatchObject({ status: 200, body: { id: thread.id, message_count: 4 } });
    expect(restored.state.messagesIn(thread.id).map((message) => message.id)).toEqual([
      expect.any(String), // the "added to the thread" system message for alice, then one for sam
      expect.any(String),
      ...messages.map((message) => message.id),
    ]);
    expect(restored.state.messagesIn(thread.id)).toEqual(original.state.messagesIn(thread.id));
  });

  it('keeps enforce_nonce answers and issues only newer ids after a restore', async () => {
    const { original, thread, messages } = await ticketWorld();
    const snapshot = throughJson(original.state.snapshot());
    const restored = await started({ restoreFrom: snapshot, botToken: original.bot.token });
    const rest = createDiscordRest({ token: restored.bot.token, apiBaseUrl: restored.apiBaseUrl });

    const again = (await rest.post(Routes.channelMessages(thread.id), {
      body: { content: 'a retried send', nonce: 'ticket-0042-welcome', enforce_nonce: true },
    })) as { id: string };
    expect(again.id).toBe(messages[0]?.id);

    const fresh = (await rest.post(Routes.channelMessages(thread.id), { body: { content: 'new' } })) as { id: string };
    expect(compareDiscordIds(fresh.id, snapshot.lastSnowflake ?? '0')).toBe(1);
  });

  it('issues ids above the saved ones even when the clock reads earlier than before', () => {
    const state = new DiscordState({ now: () => Date.UTC(2026, 5, 1) });
    const user = state.createUser({ username: 'alice' });
    const restored = new DiscordState({ now: () => Date.UTC(2026, 0, 1), restoreFrom: throughJson(state.snapshot()) });
    const ids = [restored.createUser({ username: 'bob' }).id, restored.createUser({ username: 'kim' }).id];
    expect(compareDiscordIds(ids[0] ?? '', user.id)).toBe(1);
    expect(compareDiscordIds(ids[1] ?? '', ids[0] ?? '')).toBe(1);
  });

  it('shares nothing between a snapshot and the states it came from or went to', () => {
    const state = new DiscordState();
    const user = state.createUser({ username: 'alice' });
    const snapshot = state.snapshot();
    user.username = 'renamed';
    expect(snapshot.users[0]?.username).toBe('alice');
    const restored = new DiscordState({ restoreFrom: snapshot });
    const restoredUser = restored.users.get(user.id);
    if (!restoredUser) throw new Error('user not restored');
    restoredUser.username = 'changed again';
    expect(snapshot.users[0]?.username).toBe('alice');
  });

  it('takes the saved bot for its token instead of minting a second bot', () => {
    const state = new DiscordState();
    const bot = state.createBot({ username: 'Ticketflow' });
    const restored = new DiscordState({ restoreFrom: state.snapshot() });
    expect(restored.createBot({ username: 'Ticketflow', token: bot.token })).toEqual(bot);
    expect([...restored.users.values()].filter((user) => user.bot)).toHaveLength(1);
  });

  it('reports each change to its listeners until they stop listening', () => {
    const state = new DiscordState();
    let changes = 0;
    const stop = state.onChange(() => {
      changes += 1;
    });
    const owner = state.createUser({ username: 'owner' });
    const guild = state.createGuild({ name: 'g', ownerId: owner.id });
    const channel = state.createTextChannel(guild.id, { name: 'tickets' });
    state.updateGuildChannel(channel, { topic: 'Open a ticket here' });
    const seen = changes;
    expect(seen).toBeGreaterThanOrEqual(4);
    stop();
    state.createUser({ username: 'bob' });
    expect(changes).toBe(seen);
  });
});
