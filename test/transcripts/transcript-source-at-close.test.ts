import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { REST } from '@discordjs/rest';
import { ApplicationFailure } from '@temporalio/common';
import { type APIMessage, StickerFormatType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseActivities } from '../../activities/database/create-database-activities.ts';
import { loadTranscriptSource } from '../../activities/database/load-transcript-source.ts';
import { createDiscordActivities, createDiscordRest, DiscordFailure } from '../../activities/discord/index.ts';
import { loadTranscriptSourceAtClose } from '../../activities/transcript-source-at-close.ts';
import { createTranscriptActivities, type RenderTranscriptInput } from '../../activities/transcripts/activity.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import type { TicketMessage } from '../../domain/ticket.ts';
import { createDiscordSandbox, type DiscordSandbox } from '../../sandbox/discord/index.ts';
import { TICKET_BOT_PERMISSIONS } from '../../sandbox/discord/seed.ts';
import { linkExpiry } from '../../sandbox/discord/state/attachment-urls.ts';
import type { ThreadRecord } from '../../sandbox/discord/state/records.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { FileTranscriptStorage } from '../../transcripts/fs-storage.ts';
import type { TranscriptHeader, TranscriptMessage } from '../../transcripts/schema.ts';
import { loadTranscript } from '../../transcripts/transcript-codec.ts';
import type { TranscriptSource } from '../../transcripts/transcript-source.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { type DiscordCdn, startDiscordCdn } from './discord-cdn.ts';

const DAY_MS = 24 * 3600_000;
const STAFF_COLOUR = 0x3498db;
const VIP_COLOUR = 0xe91e63;

let db: TestDatabase;
let sandbox: DiscordSandbox;
let cdn: DiscordCdn;
let rest: REST;
let root: string;
/** Added to the real clock: tickets close a week after their messages arrived. */
let offsetMs = 0;
const now = () => Date.now() + offsetMs;

/** Discord's CDN as it treats signed links: one past its `ex` time is gone (404), whatever the file. */
const expiringCdnFetch: typeof globalThis.fetch = async (input, init) => {
  const expiry = linkExpiry(input instanceof Request ? input.url : String(input));
  if (expiry !== null && expiry < now()) return new Response('This content is no longer available.', { status: 404 });
  return cdn.fetch(input, init);
};

beforeAll(async () => {
  [db, sandbox, cdn] = await Promise.all([createTestDatabase(), createDiscordSandbox({ now }), startDiscordCdn()]);
  rest = createDiscordRest({ token: sandbox.bot.token, apiBaseUrl: sandbox.apiBaseUrl });
  root = await mkdtemp(join(tmpdir(), 'transcript-at-close-'));
});
afterAll(async () => {
  await sandbox?.close();
  await cdn?.close();
  await db?.cleanup();
  if (root) await rm(root, { recursive: true, force: true });
});

/** What the bot stored when a message arrived: Discord's links of that moment, and the name the guild showed. */
function storedCopy(message: APIMessage, authorName: string): TicketMessage {
  return {
    id: message.id,
    authorId: message.author.id,
    authorName,
    authorIsBot: message.author.bot === true,
    content: message.content,
    attachments: message.attachments.map((file) => ({
      id: file.id,
      filename: file.filename,
      size: file.size,
      contentType: file.content_type ?? null,
      url: file.url,
    })),
    createdAt: Date.parse(message.timestamp),
    editedAt: null,
  };
}

/**
 * A guild with coloured roles, a ticket in Postgres with its thread on Discord, and a conversation: a question
 * with a file (stored), a reply with a sticker (stored), reactions, a message later edited and one later
 * deleted (both stored), the bot's welcome (not stored) and Discord's "added to thread" note.
 */
async function ticketWithConversation() {
  const state = sandbox.state;
  const owner = state.createUser({ username: 'owner' });
  const guild = state.createGuild({ name: 'Acme Support', ownerId: owner.id });
  // The bot's invite grants it a role with what running tickets needs (the sandbox enforces permissions).
  const botRole = state.createRole(guild.id, { name: 'Ticketflow', permissions: TICKET_BOT_PERMISSIONS.toString() });
  state.addMember(guild.id, sandbox.bot.userId, { roleIds: [botRole.id] });
  const staff = state.createRole(guild.id, { name: 'Staff', color: STAFF_COLOUR });
  const vip = state.createRole(guild.id, { name: 'VIP', color: VIP_COLOUR });
  const tickets = state.createTextChannel(guild.id, { name: 'tickets' });
  const alice = state.createUser({ username: 'alice', globalName: 'Alice Global' });
  state.addMember(guild.id, alice.id, { roleIds: [vip.id], nick: 'Alice A' });
  const sam = state.createUser({ username: 'sam', globalName: 'Sam S' });
  state.addMember(guild.id, sam.id, { roleIds: [staff.id] });

  await createGuildConfigRepository(db.prisma, DEFAULT_PLANS).saveGuildConfig(guild.id, permissiveGuildDirectory, {
    staffRoleIds: [staff.id],
    ticketChannelId: tickets.id,
    ticketTypes: [{ key: 'support', name: 'Support', questions: [{ label: 'What happened?' }] }],
  });
  const database = createDatabaseActivities(db.prisma, { plans: DEFAULT_PLANS, publicUrl: undefined });
  const registration = await database.registerTicket({
    workflowId: `ticket-${guild.id}`,
    request: {
      guildId: guild.id,
      type: 'support',
      creator: { id: alice.id, name: 'Alice A' },
      answers: [{ question: 'What happened?', answer: 'My order never arrived.' }],
    },
    openedAt: now(),
  });
  if (registration.outcome !== 'registered') throw new Error(`not registered: ${JSON.stringify(registration)}`);
  const ref = { guildId: guild.id, ticketId: registration.ticketId };

  const discord = createDiscordActivities(rest);
  const { threadId } = await discord.createTicketThread({
    guildId: guild.id,
    channelId: tickets.id,
    name: 'ticket-0001',
  });
  await database.recordTicketChange({ ...ref, patch: { threadId } });
  await discord.addThreadMembers({ threadId, userIds: [alice.id, sam.id] });
  const facts = {
    guildId: guild.id,
    number: registration.number,
    typeName: 'Support',
    creatorId: alice.id,
    creatorName: 'Alice A',
    assigneeId: null,
    threadId,
    openedAt: now(),
  };
  const welcome = await discord.postNotice({
    channelId: threadId,
    idempotencyKey: `welcome-${threadId}`,
    notice: {
      kind: 'welcome',
      ticket: facts,
      openingMessage: 'Staff will be with you shortly.',
      answers: [{ question: 'What happened?', answer: 'My order never arrived.' }],
      questions: [],
      notificationRoleId: null,
    },
  });

  const thread = state.channels.get(threadId) as ThreadRecord;
  const question = state.createMessage(thread, alice.id, {
    content: `Here is my receipt <@${sam.id}>, <@&${staff.id}> asked for it in <#${tickets.id}>`,
    attachments: [{ filename: 'receipt.png', size: 4096, contentType: 'image/png', width: 64 }],
  }).message;
  const answer = state.createMessage(thread, sam.id, {
    content: 'Refund is on its way.',
    replyToId: question.id,
    stickerItems: [{ id: '700000000000000001', name: 'thumbsup', format_type: StickerFormatType.PNG }],
  }).message;
  state.addReaction(threadId, question.id, { id: null, name: '👍' });
  state.addReaction(threadId, question.id, { id: null, name: '👍' });
  const edited = state.createMessage(thread, alice.id, { content: 'thnks' }).message;
  const deleted = state.createMessage(thread, alice.id, { content: 'wrong ticket, ignore me' }).message;
  await database.storeMessages({
    ...ref,
    messages: [
      storedCopy(question, 'Alice A'),
      storedCopy(answer, 'Sam S'),
      storedCopy(edited, 'Alice A'),
      storedCopy(deleted, 'Alice A'),
    ],
  });

  // A week later: one message edited and one deleted on Discord, and every stored link long expired.
  offsetMs += 7 * DAY_MS;
  state.editMessage(threadId, edited.id, { content: 'thanks!' });
  state.deleteMessage(threadId, deleted.id);

  const input: RenderTranscriptInput = {
    ...ref,
    number: registration.number,
    closure: { reason: 'Refunded', closedById: sam.id, closedAt: now(), automatic: false },
  };
  return { guild, threadId, alice, sam, staff, vip, tickets, input, welcome, question, answer, edited, deleted };
}

async function render(
  input: RenderTranscriptInput,
  loadSource: (input: RenderTranscriptInput) => Promise<TranscriptSource>,
  subdirectory: string,
): Promise<{ header: TranscriptHeader; messages: TranscriptMessage[] }> {
  const storage = new FileTranscriptStorage(join(root, subdirectory));
  const activities = createTranscriptActivities({ storage, fetch: expiringCdnFetch, loadSource });
  const { key } = await activities.renderTranscript(input);
  const stored = await loadTranscript(storage, key);
  const messages: TranscriptMessage[] = [];
  for await (const message of stored.messages) messages.push(message);
  return { header: stored.header, messages };
}

const atClose = (input: RenderTranscriptInput) => loadTranscriptSourceAtClose({ prisma: db.prisma, rest }, input);
const postgresOnly = (input: RenderTranscriptInput) => loadTranscriptSource(db.prisma, input);

describe('the transcript source at close, from Postgres and Discord', () => {
  it('has fresh links, names, colours, roles, channels, embeds, replies, stickers and reactions', async () => {
    const ticket = await ticketWithConversation();
    const { header, messages } = await render(ticket.input, atClose, 'fresh');
    const byId = new Map(messages.map((message) => [message.id, message]));

    expect(header.ticket.guildName).toBe('Acme Support');
    expect(header.users).toEqual(
      expect.arrayContaining([
        { id: ticket.alice.id, name: 'Alice A', avatarKey: null, roleColor: VIP_COLOUR, bot: false },
        { id: ticket.sam.id, name: 'Sam S', avatarKey: null, roleColor: STAFF_COLOUR, bot: false },
        { id: sandbox.bot.userId, name: 'Ticketflow', avatarKey: null, roleColor: null, bot: true },
      ]),
    );
    expect(header.roles).toEqual([{ id: ticket.staff.id, name: 'Staff', color: STAFF_COLOUR }]);
    expect(header.channels).toEqual([{ id: ticket.tickets.id, name: 'tickets' }]);

    const question = byId.get(ticket.question.id);
    expect(question?.attachments).toEqual([
      expect.objectContaining({
        name: 'receipt.png',
        size: 4096,
        key: expect.stringMatching(/\/media\//),
        unsaved: null,
      }),
    ]);
    expect(question?.reactions).toEqual([{ emoji: { id: null, name: '👍', animated: false }, count: 2 }]);
    const answer = byId.get(ticket.answer.id);
    expect(answer?.reply).toEqual({
      messageId: ticket.question.id,
      authorId: ticket.alice.id,
      excerpt: expect.stringContaining('Here is my receipt'),
    });
    expect(answer?.stickers).toEqual([
      expect.objectContaining({ id: '700000000000000001', name: 'thumbsup', format: 'png', unsaved: null }),
    ]);
    const welcome = byId.get(ticket.welcome.messageId);
    expect(welcome?.authorId).toBe(sandbox.bot.userId);
    expect(welcome?.embeds[0]?.fields).toEqual([
      { name: 'What happened?', value: 'My order never arrived.', inline: false },
    ]);
    expect(byId.get(ticket.edited.id)).toMatchObject({ content: 'thanks!', editedAt: expect.any(Number) });
    // Deleted on Discord, kept from Postgres.
    expect(byId.get(ticket.deleted.id)?.content).toBe('wrong ticket, ignore me');
    // Discord's "added to the thread" notes are not conversation.
    expect(header.messageCount).toBe(5);

    // The same ticket from Postgres alone: the guild's id for a name, and the stored (expired) link lost.
    const stale = await render(ticket.input, postgresOnly, 'stale');
    expect(stale.header.ticket.guildName).toBe(ticket.guild.id);
    expect(stale.messages.find((message) => message.id === ticket.question.id)?.attachments[0]).toMatchObject({
      key: null,
      unsaved: 'fetch_failed',
    });
  });

  it('falls back to what Postgres stored when the thread was deleted by hand, under the guild name', async () => {
    const ticket = await ticketWithConversation();
    sandbox.state.deleteChannel(ticket.threadId);

    const { header, messages } = await render(ticket.input, atClose, 'deleted-thread');

    expect(header.ticket.guildName).toBe('Acme Support');
    expect(messages.filter((message) => message.system === null).map((message) => message.id)).toEqual([
      ticket.question.id,
      ticket.answer.id,
      ticket.edited.id,
      ticket.deleted.id,
    ]);
    expect(messages.find((message) => message.id === ticket.edited.id)?.content).toBe('thnks');
    // Names and colours still come from the guild.
    expect(header.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ticket.alice.id, name: 'Alice A', roleColor: VIP_COLOUR }),
      ]),
    );
  });

  it('names the guild by its id when the bot is no longer in it', async () => {
    const ticket = await ticketWithConversation();
    sandbox.state.removeMember(ticket.guild.id, sandbox.bot.userId);

    const { header } = await render(ticket.input, atClose, 'bot-removed');

    expect(header.ticket.guildName).toBe(ticket.guild.id);
    expect(header.messageCount).toBe(4);
    expect(header.users).toEqual(
      expect.arrayContaining([{ id: ticket.alice.id, name: 'Alice A', avatarKey: null, roleColor: null, bot: false }]),
    );
  });

  it('keeps the stored name of a member who left', async () => {
    const ticket = await ticketWithConversation();
    sandbox.state.removeMember(ticket.guild.id, ticket.alice.id);

    const { header } = await render(ticket.input, atClose, 'member-left');

    expect(header.users).toEqual(
      expect.arrayContaining([
        { id: ticket.alice.id, name: 'Alice A', avatarKey: null, roleColor: null, bot: false },
        expect.objectContaining({ id: ticket.sam.id, name: 'Sam S', roleColor: STAFF_COLOUR }),
      ]),
    );
  });

  it('fails retryably while Discord has a transient fault, and a retry makes the full transcript', async () => {
    const ticket = await ticketWithConversation();
    sandbox.state.faults.inject({ route: 'GET /channels/:id/messages', status: 502 });

    const failure = await render(ticket.input, atClose, 'transient').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: DiscordFailure.ServerError, nonRetryable: false });

    const { header } = await render(ticket.input, atClose, 'transient');
    expect(header.ticket.guildName).toBe('Acme Support');
    expect(header.messageCount).toBe(5);
  });
});
