import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { type Client, Events } from 'discord.js';
import { type APIMessage, ChannelType, InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuildConfigRepository } from '../../activities/database/guild-config-repository.ts';
import { createDiscordRest } from '../../activities/discord/index.ts';
import { createTicketActivities } from '../../activities/index.ts';
import { FileTranscriptStorage } from '../../activities/transcripts/index.ts';
import { createTicketBot } from '../../bot/create-ticket-bot.ts';
import { ticketPanelMessage } from '../../bot/panel/ticket-panel-message.ts';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { freePort } from '../support/free-port.ts';
import { bundleTicketWorkflows, startDevServer } from '../support/temporal.ts';
import { eventually } from '../support/ticket-harness.ts';

const taskQueue = 'ticketflow-bot';
const QUESTION = 'What do you need help with?';

let db: TestDatabase;
let discord: DiscordSandbox;
let env: TestWorkflowEnvironment;
let worker: Worker;
let workerRunning: Promise<void>;
let bot: Client;
let transcriptsDir: string;
let world: ReturnType<typeof seedGuild>;
let panel: APIMessage;

function userId(name: string): string {
  const user = world.users.get(name);
  if (!user) throw new Error(`seed has no ${name}`);
  return user.id;
}

function channelId(name: string): string {
  const channel = world.channels.get(name);
  if (!channel) throw new Error(`seed has no #${name}`);
  return channel.id;
}

beforeAll(async () => {
  const bundle = bundleTicketWorkflows();
  [db, discord, env] = await Promise.all([
    createTestDatabase(),
    createDiscordSandbox(),
    startDevServer(await freePort()),
  ]);
  world = seedGuild(discord.state, {
    botUserId: discord.bot.userId,
    roles: [{ name: 'Staff', mentionable: true }],
    members: [{ username: 'alice' }, { username: 'sam', roles: ['Staff'] }, { username: 'mallory' }],
    textChannels: ['tickets', 'histories'],
  });
  const guildConfigs = createGuildConfigRepository(db.prisma);
  const config = await guildConfigs.saveGuildConfig(world.guild.id, {
    staffRoleIds: [world.roles.get('Staff')?.id ?? ''],
    ticketChannelId: channelId('tickets'),
    historiesChannelId: channelId('histories'),
    blockedUserIds: [userId('mallory')],
    ticketTypes: [
      { key: 'support', name: 'Support', questions: [{ label: QUESTION, style: 'paragraph', maxLength: 500 }] },
    ],
  });
  transcriptsDir = await mkdtemp(join(tmpdir(), 'ticketflow-bot-transcripts-'));
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundle,
    activities: createTicketActivities({
      prisma: db.prisma,
      discordRest: createDiscordRest({ token: discord.bot.token, apiBaseUrl: discord.apiBaseUrl }),
      transcriptStorage: new FileTranscriptStorage(transcriptsDir),
    }),
  });
  workerRunning = worker.run();

  bot = createTicketBot({ temporal: env.client, taskQueue, prisma: db.prisma, guildConfigs }, discord.clientOptions());
  const ready = new Promise((resolve) => bot.once(Events.ClientReady, resolve));
  await bot.login(discord.bot.token);
  await ready;
  const tickets = await bot.channels.fetch(channelId('tickets'));
  if (!tickets?.isSendable()) throw new Error('#tickets is not a text channel');
  const sent = await tickets.send(ticketPanelMessage(config));
  panel = discord.state.messagesIn(channelId('tickets')).find((message) => message.id === sent.id) as APIMessage;
}, 120_000);

afterAll(async () => {
  await bot?.destroy();
  worker?.shutdown();
  await workerRunning;
  await env?.teardown();
  await discord?.close();
  await db?.cleanup();
  if (transcriptsDir) await rm(transcriptsDir, { recursive: true, force: true });
});

describe('the ticket bot against the local Discord, the dev server and Postgres', () => {
  let threadId: string;

  it('opens a private ticket from the panel button and the questions modal', async () => {
    const alice = discord.driver.as(userId('alice'));
    const pressed = alice.pressButton(channelId('tickets'), panel.id, 'tpanel:support');
    const modal = await pressed.waitForModal();
    expect(modal.components).toHaveLength(1);
    expect(JSON.stringify(modal)).toContain(QUESTION);

    const submitted = alice.submitModal(pressed, { q0: 'My order never arrived.' });
    const ack = await submitted.waitForAck();
    expect(ack.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(ack.ackMs).toBeLessThan(3000);
    const answer = await submitted.waitForReply(60_000);
    const link = /^Your ticket #1 is open: <#(\d+)>$/.exec(answer.content);
    expect(link).not.toBeNull();
    threadId = link?.[1] ?? '';

    expect(discord.state.channels.get(threadId)).toMatchObject({
      type: ChannelType.PrivateThread,
      parentId: channelId('tickets'),
    });
    await eventually(() => {
      const members = discord.state.threadMembers(threadId).map((member) => member.userId);
      expect(members).toEqual(expect.arrayContaining([userId('alice'), userId('sam')]));
      const thread = JSON.stringify(discord.state.messagesIn(threadId));
      expect(thread).toContain('My order never arrived.');
      expect(thread).toContain(QUESTION);
    });
  });

  it('stores what the member writes in the thread as a reply', async () => {
    const sent = discord.driver.as(userId('alice')).sendMessage(threadId, 'Any news about my order?');
    const stored = await eventually(async () => {
      const row = await db.prisma.ticketMessage.findUnique({ where: { id: sent.id } });
      expect(row).not.toBeNull();
      return row;
    });
    expect(stored).toMatchObject({
      authorId: userId('alice'),
      content: 'Any news about my order?',
      authorIsBot: false,
    });
    // The ticket's own notices, posted by the bot, are not replies.
    expect(await db.prisma.ticketMessage.count({ where: { authorIsBot: true } })).toBe(0);
  });

  it('records an edit and a delete of a thread message', async () => {
    const alice = discord.driver.as(userId('alice'));
    const sent = alice.sendMessage(threadId, 'Order 41');
    await eventually(async () => {
      expect(await db.prisma.ticketMessage.findUnique({ where: { id: sent.id } })).not.toBeNull();
    });
    alice.editMessage(threadId, sent.id, 'Order 42, sorry');
    await eventually(async () => {
      const row = await db.prisma.ticketMessage.findUnique({ where: { id: sent.id } });
      expect(row?.content).toBe('Order 42, sorry');
      expect(row?.editedAt).not.toBeNull();
    });
    alice.deleteMessage(threadId, sent.id);
    await eventually(async () => {
      const row = await db.prisma.ticketMessage.findUnique({ where: { id: sent.id } });
      expect(row?.deletedAt).not.toBeNull();
      expect(row?.content).toBe('Order 42, sorry');
    });
  });

  it('lets staff claim the ticket and refuses a member in plain words', async () => {
    const controls = welcomeMessage(threadId);
    const refused = await discord.driver
      .as(userId('alice'))
      .pressButton(threadId, controls.id, 'tclaim:1')
      .waitForReply(30_000);
    expect(refused.content).toBe('Only staff can assign tickets.');
    const claimed = await discord.driver
      .as(userId('sam'))
      .pressButton(threadId, controls.id, 'tclaim:1')
      .waitForReply(30_000);
    expect(claimed.content).toBe('You claimed ticket #1.');
    expect(await db.prisma.ticket.findFirst({ where: { threadId } })).toMatchObject({ assigneeId: userId('sam') });
  });

  it('closes from the Close button after a confirmation, with a reason from the modal', async () => {
    const alice = discord.driver.as(userId('alice'));
    const question = await alice.pressButton(threadId, welcomeMessage(threadId).id, 'tclose:1').waitForReply();
    expect(question.content).toContain('Close ticket #1?');
    expect.soft(question.flags).toBe(64);
    const customIds = JSON.stringify(question.components);
    expect(customIds).toContain('tcloseok:1');
    expect(customIds).toContain('tclosewr:1');

    const withReason = alice.pressButton(threadId, question.id, 'tclosewr:1');
    await withReason.waitForModal();
    const submitted = alice.submitModal(withReason, { reason: 'Solved, thanks' });
    expect((await submitted.waitForAck()).ackMs).toBeLessThan(3000);
    expect((await submitted.waitForReply(60_000)).content).toBe('Ticket #1 is closed.');

    expect(await db.prisma.ticket.findFirst({ where: { threadId } })).toMatchObject({
      status: 'closed',
      closeReason: 'Solved, thanks',
      closedById: userId('alice'),
    });
    expect(discord.state.channels.get(threadId)).toMatchObject({ thread: { archived: true, locked: true } });
  });

  it('opens one ticket for a double click, and answers the second click with it', async () => {
    const alice = discord.driver.as(userId('alice'));
    const first = alice.pressButton(channelId('tickets'), panel.id, 'tpanel:support');
    const second = alice.pressButton(channelId('tickets'), panel.id, 'tpanel:support');
    await Promise.all([first.waitForModal(), second.waitForModal()]);
    const answers = await Promise.all(
      [first, second].map((pressed) => alice.submitModal(pressed, { q0: 'Again me' }).waitForReply(60_000)),
    );
    const opened = await db.prisma.ticket.findMany({ where: { creatorId: userId('alice'), status: 'open' } });
    expect(opened).toHaveLength(1);
    expect(answers.map((answer) => answer.content).sort()).toEqual([
      `You opened ticket #2 moments ago: <#${opened[0]?.threadId}>`,
      `Your ticket #2 is open: <#${opened[0]?.threadId}>`,
    ]);
  });

  it('refuses a blocked member before asking anything, and opens nothing', async () => {
    const pressed = discord.driver.as(userId('mallory')).pressButton(channelId('tickets'), panel.id, 'tpanel:support');
    const answer = await pressed.waitForReply();
    expect(answer.content).toBe('You are not allowed to open tickets in this server.');
    expect(await db.prisma.ticket.count({ where: { creatorId: userId('mallory') } })).toBe(0);
  });

  it('only ever answered Discord what its API description allows', () => {
    expect(discord.specViolations).toEqual([]);
  });
});

/** The ticket's control message: the bot's message in the thread that carries the ticket buttons. */
function welcomeMessage(threadId: string): APIMessage {
  const message = discord.state
    .messagesIn(threadId)
    .find((candidate) => JSON.stringify(candidate.components ?? []).includes('tclose:'));
  if (!message) throw new Error('the thread has no control message');
  return message;
}
