import { type APIMessage, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordFailure } from '../../activities/discord/index.ts';
import { embedLength, MESSAGE_LIMITS } from '../../activities/discord/notices/limits.ts';
import { messageNonce } from '../../activities/discord/post-notice.ts';
import type { TicketFacts, TicketNotice } from '../../domain/ticket.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { discordActivities, failureOf, seedTicketGuild, ticketFacts } from './discord-fixture.ts';

describe('postNotice', () => {
  let sandbox: DiscordSandbox;
  let guild: ReturnType<typeof seedTicketGuild>;
  let activities: ReturnType<typeof discordActivities>;
  let channelId: string;
  let keyCount = 0;

  beforeAll(async () => {
    // Every notice goes to one channel, faster than Discord's 5 messages per 5 seconds there, and the activities'
    // client hands a longer wait to Temporal as a failure: these tests check what a notice says, so that limit is lifted.
    sandbox = await createDiscordSandbox({ rateLimits: { routes: {} } });
    guild = seedTicketGuild(sandbox);
    activities = discordActivities(sandbox);
    channelId = guild.channel('tickets').id;
  });
  afterAll(() => sandbox.close());

  const facts = (overrides: Partial<TicketFacts> = {}) =>
    ticketFacts({ guildId: guild.guild.id, creatorId: guild.user('alice').id, threadId: channelId, ...overrides });
  const actor = () => ({ id: guild.user('sam').id, name: 'sam', isStaff: true });

  const pings = (message: APIMessage) => ({
    users: message.mentions.map((user) => user.id),
    roles: message.mention_roles,
    everyone: message.mention_everyone,
  });

  /**
   * Posts through the activity and returns the message as the sandbox stored it. Every notice must name
   * exactly whom it pings in allowed_mentions, with nothing parsed from the text: then a mention in
   * user-written text can never ping.
   */
  async function post(notice: TicketNotice): Promise<APIMessage> {
    keyCount += 1;
    const { messageId } = await activities.postNotice({ channelId, idempotencyKey: `test/notice/${keyCount}`, notice });
    const stored = sandbox.state.messagesIn(channelId).find((message) => message.id === messageId);
    if (!stored) throw new Error(`message ${messageId} was not stored`);
    const { users, roles } = pings(stored);
    const sent = sandbox.state.requestLog.findLast(
      (entry) => entry.method === 'POST' && entry.path === `/channels/${channelId}/messages`,
    );
    expect(sent?.body).toMatchObject({ allowed_mentions: { parse: [], users, roles }, enforce_nonce: true });
    return stored;
  }

  function expectWithinLimits(message: APIMessage) {
    expect(message.content.length).toBeLessThanOrEqual(MESSAGE_LIMITS.content);
    expect(message.embeds).toHaveLength(1);
    for (const embed of message.embeds) {
      expect(embedLength(embed)).toBeLessThanOrEqual(MESSAGE_LIMITS.embedTotal);
      expect((embed.title ?? '').length).toBeLessThanOrEqual(MESSAGE_LIMITS.embedTitle);
      expect((embed.description ?? '').length).toBeLessThanOrEqual(MESSAGE_LIMITS.embedDescription);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(MESSAGE_LIMITS.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(MESSAGE_LIMITS.fieldValue);
      }
    }
  }

  it('welcome: long answers are cut, not rejected; pings the creator and the notification role only', async () => {
    const longAnswer = `@everyone ${'The printer in room 4 jams whenever I print double-sided. '.repeat(80)}`.slice(
      0,
      4000,
    );
    const message = await post({
      kind: 'welcome',
      ticket: facts({ typeName: 'Support @everyone' }),
      openingMessage: 'Thanks! Staff will be with you soon. '.repeat(50).slice(0, 2000),
      answers: Array.from({ length: 5 }, (_, index) => ({
        question: `What happened? (${index + 1})`,
        answer: longAnswer,
      })),
      questions: ['Which room?', 'Since when?'],
      notificationRoleId: guild.role('Ticket alerts').id,
    });

    expect(longAnswer).toHaveLength(4000);
    expectWithinLimits(message);
    const [embed] = message.embeds;
    expect(embed?.fields).toHaveLength(6);
    for (const field of embed?.fields?.slice(0, 5) ?? []) expect(field.value.endsWith('…')).toBe(true);
    expect(embed?.fields?.[5]).toEqual({
      name: 'Please also answer',
      value: '1. Which room?\n2. Since when?',
      inline: false,
    });
    expect(pings(message)).toEqual({
      users: [guild.user('alice').id],
      roles: [guild.role('Ticket alerts').id],
      everyone: false,
    });

    const customIds = (message.components ?? []).flatMap((row) =>
      row.type === ComponentType.ActionRow
        ? row.components.map((button) =>
            button.type === ComponentType.Button && 'custom_id' in button ? button.custom_id : '',
          )
        : [],
    );
    expect(customIds).toEqual([
      'tclose:42',
      'tclaim:42',
      'tunclaim:42',
      'tpause:42',
      'tresume:42',
      'tcrq:42',
      'tdisable:42',
    ]);
  });

  it('welcome without a notification role pings the creator alone', async () => {
    const message = await post({
      kind: 'welcome',
      ticket: facts(),
      openingMessage: '',
      answers: [],
      questions: [],
      notificationRoleId: null,
    });
    expectWithinLimits(message);
    expect(pings(message)).toEqual({ users: [guild.user('alice').id], roles: [], everyone: false });
  });

  it('welcome asks again only the questions the form left unanswered', async () => {
    const message = await post({
      kind: 'welcome',
      ticket: facts(),
      openingMessage: '',
      answers: [{ question: 'Which room?', answer: 'Room 4' }],
      questions: ['Which room?', 'Since when?'],
      notificationRoleId: null,
    });
    expect(message.embeds[0]?.fields).toEqual([
      { name: 'Which room?', value: 'Room 4', inline: false },
      { name: 'Please also answer', value: '1. Since when?', inline: false },
    ]);
  });

  it('assigned pings the assignee, a claim pings nobody', async () => {
    const mia = guild.user('mia').id;
    const assigned = await post({ kind: 'assigned', ticket: facts({ assigneeId: mia }), actor: actor() });
    const claimed = await post({ kind: 'assigned', ticket: facts({ assigneeId: actor().id }), actor: actor() });
    expect(pings(assigned)).toEqual({ users: [mia], roles: [], everyone: false });
    expect(pings(claimed)).toEqual({ users: [], roles: [], everyone: false });
  });

  it('member_added pings the added member', async () => {
    const mia = guild.user('mia').id;
    const message = await post({ kind: 'member_added', ticket: facts(), memberId: mia, actor: actor() });
    expect(pings(message)).toEqual({ users: [mia], roles: [], everyone: false });
  });

  it('timer_changed pings nobody, whatever the timer', async () => {
    for (const timer of ['paused', 'running', 'disabled'] as const) {
      const message = await post({ kind: 'timer_changed', ticket: facts(), timer, actor: actor() });
      expect(message.embeds[0]?.description).toContain(
        timer === 'running' ? 'resumed' : timer === 'paused' ? 'paused' : 'off',
      );
      expect(pings(message)).toEqual({ users: [], roles: [], everyone: false });
    }
  });

  it('inactivity_warning pings the creator, with Discord timestamps', async () => {
    const closesAt = Date.UTC(2026, 0, 8, 9, 30);
    const message = await post({ kind: 'inactivity_warning', ticket: facts(), closesAt });
    expect(message.embeds[0]?.description).toContain(`<t:${closesAt / 1000}:R>`);
    expect(pings(message)).toEqual({ users: [guild.user('alice').id], roles: [], everyone: false });
  });

  it('reminder pings the assignee only', async () => {
    const mia = guild.user('mia').id;
    const message = await post({ kind: 'reminder', ticket: facts({ assigneeId: mia }), remindedAt: Date.now() });
    const unassigned = await post({ kind: 'reminder', ticket: facts(), remindedAt: Date.now() });
    expect(pings(message)).toEqual({ users: [mia], roles: [], everyone: false });
    expect(pings(unassigned)).toEqual({ users: [], roles: [], everyone: false });
  });

  it('closing and summary ping nobody and cut a 4,000-character reason', async () => {
    const reason = `<@${guild.user('mia').id}> @everyone ${'r'.repeat(4000)}`;
    const closure = { reason, closedById: actor().id, closedAt: Date.now(), automatic: false };
    const closing = await post({ kind: 'closing', ticket: facts(), closure });
    const summary = await post({
      kind: 'summary',
      ticket: facts({ assigneeId: guild.user('mia').id }),
      closure,
      transcriptKey: `${guild.guild.id}/0042`,
      messageCount: 17,
    });
    for (const message of [closing, summary]) {
      expectWithinLimits(message);
      expect(pings(message)).toEqual({ users: [], roles: [], everyone: false });
      const reasonField = message.embeds[0]?.fields?.find((field) => field.name === 'Reason');
      expect(reasonField?.value).toHaveLength(MESSAGE_LIMITS.fieldValue);
      expect(reasonField?.value.endsWith('…')).toBe(true);
    }
  });

  it('stores one message when the same idempotencyKey is posted twice', async () => {
    const notice: TicketNotice = { kind: 'timer_changed', ticket: facts(), timer: 'paused', actor: actor() };
    const before = sandbox.state.messagesIn(channelId).length;
    const first = await activities.postNotice({ channelId, idempotencyKey: 'ticket-42/timer/3', notice });
    const retry = await activities.postNotice({ channelId, idempotencyKey: 'ticket-42/timer/3', notice });
    const other = await activities.postNotice({ channelId, idempotencyKey: 'ticket-42/timer/4', notice });
    expect(retry.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
    expect(sandbox.state.messagesIn(channelId).length - before).toBe(2);
    expect(messageNonce('ticket-42/timer/3')).toHaveLength(25);
  });

  it('posts once when Discord created the message but the answer never arrived', async () => {
    const impatient = discordActivities(sandbox, { requestTimeoutMs: 200 });
    const notice: TicketNotice = { kind: 'timer_changed', ticket: facts(), timer: 'disabled', actor: actor() };
    const input = { channelId, idempotencyKey: 'ticket-42/timer/lost', notice };
    const before = sandbox.state.messagesIn(channelId).length;
    sandbox.state.faults.inject({ route: 'POST /channels/:id/messages', delayMs: 600 });

    const failure = await failureOf(impatient.postNotice(input), DiscordFailure.Unreachable);
    expect(failure.nonRetryable).toBe(false);
    expect(sandbox.state.messagesIn(channelId).length - before).toBe(1);

    const retry = await impatient.postNotice(input);
    expect(sandbox.state.messagesIn(channelId).length - before).toBe(1);
    expect(sandbox.state.messagesIn(channelId).at(-1)?.id).toBe(retry.messageId);
  });
});
