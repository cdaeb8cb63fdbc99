import { type APIMessage, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloseRequestFacts } from '../../domain/close-request.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { type discordActivities, type seedTicketGuild, seedTicketThread, ticketFacts } from './discord-fixture.ts';

describe('close request notices on the local Discord', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let activities: ReturnType<typeof discordActivities>;
  let threadId: string;

  beforeAll(async () => {
    sandbox = await createDiscordSandbox({ rateLimits: { routes: {} } });
    ({ guild, activities, threadId } = await seedTicketThread(sandbox));
  });
  afterAll(() => sandbox.close());

  const stored = (messageId: string): APIMessage => {
    const message = sandbox.state.message(threadId, messageId);
    if (!message) throw new Error(`message ${messageId} is gone`);
    return message;
  };
  const customIdsOf = (message: APIMessage) =>
    (message.components ?? []).flatMap((row) =>
      row.type === ComponentType.ActionRow
        ? row.components.map((button) => ('custom_id' in button ? button.custom_id : ''))
        : [],
    );

  function request(id: number): CloseRequestFacts {
    return {
      id,
      requestedBy: { id: guild.user('sam').id, name: 'sam' },
      reason: 'Parcel delivered',
      requestedAt: Date.UTC(2026, 0, 6, 9),
      closesAt: Date.UTC(2026, 0, 7, 9),
      messageId: null,
    };
  }

  it('asks the creator in the guild’s language, pinging only them, with buttons naming the request', async () => {
    const facts = ticketFacts({ guildId: guild.guild.id, creatorId: guild.user('alice').id, language: 'de' });
    const { messageId } = await activities.postNotice({
      channelId: threadId,
      idempotencyKey: 'test/close-request/7',
      notice: {
        kind: 'close_requested',
        ticket: facts,
        request: request(7),
        actor: { id: guild.user('sam').id, name: 'sam', isStaff: true },
      },
    });
    const message = stored(messageId);
    expect(message.content).toBe(`<@${guild.user('alice').id}>`);
    expect(message.mentions.map((user) => user.id)).toEqual([guild.user('alice').id]);
    expect(message.embeds[0]).toMatchObject({
      title: 'Kann dieses Ticket geschlossen werden?',
      fields: [{ name: 'Grund', value: 'Parcel delivered' }],
    });
    expect(message.embeds[0]?.description).toContain('<t:1767776400:R>');
    expect(customIdsOf(message)).toEqual(['tcracc:42:7', 'tcrkeep:42:7']);
  });

  it('shows the outcome in place of the request, without buttons, the same however often it runs', async () => {
    const facts = ticketFacts({ guildId: guild.guild.id, creatorId: guild.user('alice').id });
    const { messageId } = await activities.postNotice({
      channelId: threadId,
      idempotencyKey: 'test/close-request/8',
      notice: {
        kind: 'close_requested',
        ticket: facts,
        request: request(8),
        actor: { id: guild.user('sam').id, name: 'sam', isStaff: true },
      },
    });
    const edit = {
      threadId,
      messageId,
      ticket: facts,
      request: { ...request(8), messageId },
      outcome: 'declined' as const,
      actorId: guild.user('alice').id,
    };
    await activities.showCloseRequestOutcome(edit);
    await activities.showCloseRequestOutcome(edit);
    const message = stored(messageId);
    expect(message.components ?? []).toEqual([]);
    expect(message.content).toBe(`<@${guild.user('alice').id}>`);
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]).toMatchObject({
      title: 'Close request',
      description: `<@${guild.user('alice').id}> wants to keep the ticket open: the close request is withdrawn.`,
    });
  });
});
