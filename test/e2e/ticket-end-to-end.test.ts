import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { ChannelType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordRest } from '../../activities/discord/index.ts';
import { createTicketActivities } from '../../activities/index.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { openTicketWorkflow } from '../../temporal/ticket-client.ts';
import { FileTranscriptStorage } from '../../transcripts/index.ts';
import { loadTranscript } from '../../transcripts/transcript-codec.ts';
import { assignTicket, closeTicket, replyReceived } from '../../workflows/ticket/definitions.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { freePort } from '../support/free-port.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';
import { bundleTicketWorkflows, startDevServer, temporalCliPath } from '../support/temporal.ts';
import { eventually, reply } from '../support/ticket-harness.ts';

const run = promisify(execFile);
const taskQueue = 'ticketflow-e2e';

let db: TestDatabase;
let discord: DiscordSandbox;
let env: TestWorkflowEnvironment;
let port: number;
let transcriptsDir: string;
let worker: Worker;
let workerRunning: Promise<void>;
let world: ReturnType<typeof seedGuild>;

/** What an operator types: `temporal workflow list --query ...` against the dev server. */
async function listTickets(query: string): Promise<{ execution: { workflowId: string } }[]> {
  const { stdout } = await run(temporalCliPath(), [
    'workflow',
    'list',
    '--address',
    `127.0.0.1:${port}`,
    '--query',
    query,
    '--output',
    'json',
  ]);
  return stdout.trim() ? JSON.parse(stdout) : [];
}

/** The operator's commands, run as a person would, against this test's dev server, database and transcript folder. */
async function cli(name: 'ticket' | 'transcript', ...args: string[]): Promise<string> {
  const { stdout } = await run('npx', ['tsx', `cli/${name}.ts`, ...args], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: `127.0.0.1:${port}`,
      TEMPORAL_TASK_QUEUE: taskQueue,
      TRANSCRIPTS_DIR: transcriptsDir,
      DATABASE_URL: db.url,
    },
  });
  return stdout.trim();
}

beforeAll(async () => {
  port = await freePort();
  const bundle = bundleTicketWorkflows();
  [db, discord, env] = await Promise.all([createTestDatabase(), createDiscordSandbox(), startDevServer(port)]);
  world = seedGuild(discord.state, {
    botUserId: discord.bot.userId,
    name: 'Ticketflow E2E',
    roles: [
      { name: 'Staff', mentionable: true },
      { name: 'Alerts', mentionable: true },
    ],
    members: [{ username: 'alice' }, { username: 'sam', roles: ['Staff'] }],
    textChannels: ['tickets', 'histories', 'reminders'],
  });
  await createGuildConfigRepository(db.prisma, DEFAULT_PLANS).saveGuildConfig(
    world.guild.id,
    permissiveGuildDirectory,
    {
      staffRoleIds: [world.roles.get('Staff')?.id ?? ''],
      ticketChannelId: world.channels.get('tickets')?.id ?? '',
      historiesChannelId: world.channels.get('histories')?.id ?? null,
      remindersChannelId: world.channels.get('reminders')?.id ?? null,
      notificationRoleId: world.roles.get('Alerts')?.id ?? null,
      notificationsEnabled: true,
      ticketTypes: [{ key: 'support', name: 'Support', questions: [{ label: 'What do you need help with?' }] }],
    },
  );
  transcriptsDir = await mkdtemp(join(tmpdir(), 'ticketflow-transcripts-'));
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundle,
    activities: createTicketActivities({
      prisma: db.prisma,
      discordRest: createDiscordRest({ token: discord.bot.token, apiBaseUrl: discord.apiBaseUrl }),
      transcriptStorage: new FileTranscriptStorage(transcriptsDir),
      plans: DEFAULT_PLANS,
    }),
  });
  workerRunning = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRunning;
  await env?.teardown();
  await discord?.close();
  await db?.cleanup();
  if (transcriptsDir) await rm(transcriptsDir, { recursive: true, force: true });
});

describe('a ticket on the real dev server, Postgres and the local Discord', () => {
  it('opens, is found by its search attributes, takes replies and a staff action, and closes with its record', async () => {
    const alice = world.users.get('alice');
    const sam = world.users.get('sam');
    if (!alice || !sam) throw new Error('seed is missing members');
    const guildId = world.guild.id;
    const opened = await openTicketWorkflow(env.client, {
      request: {
        guildId,
        type: 'support',
        creator: { id: alice.id, name: 'alice' },
        answers: [{ question: 'What do you need help with?', answer: 'My order **never** arrived.' }],
      },
      requestId: 'e2e-open-1',
      taskQueue,
    });
    if (opened.outcome !== 'opened') throw new Error(`not opened: ${JSON.stringify(opened)}`);
    expect(opened.number).toBe(1);

    const thread = discord.state.channels.get(opened.threadId);
    expect(thread?.type).toBe(ChannelType.PrivateThread);
    expect(thread?.parentId).toBe(world.channels.get('tickets')?.id);
    await eventually(() => {
      const members = discord.state.threadMembers(opened.threadId).map((m) => m.userId);
      expect(members).toEqual(expect.arrayContaining([alice.id, sam.id]));
      const texts = discord.state.messagesIn(opened.threadId).map((m) => JSON.stringify(m));
      expect(texts.some((t) => t.includes('never') && t.includes(`<@&${world.roles.get('Alerts')?.id}>`))).toBe(true);
    });

    const found = await eventually(async () => {
      const rows = await listTickets(`TicketGuildId = "${guildId}" AND TicketNumber = 1 AND TicketStatus = "open"`);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(found[0]?.execution.workflowId).toBe(opened.workflowId);

    const handle = env.client.workflow.getHandle(opened.workflowId);
    await handle.signal(replyReceived, reply('990000000000000001', Date.now(), { id: alice.id, name: 'alice' }));
    // Replies are stored by the workflow's message pump, beside the updates; wait so the event order below is fixed.
    await eventually(async () => {
      expect(await db.prisma.ticketEvent.count({ where: { guildId, kind: 'replied' } })).toBe(1);
    });
    const staff = { id: sam.id, name: 'sam', isStaff: true };
    await handle.executeUpdate(assignTicket, { args: [{ actor: staff, assigneeId: sam.id }] });
    const closed = await handle.executeUpdate(closeTicket, { args: [{ actor: staff, reason: 'Refund issued' }] });
    expect(closed.outcome).toBe('closed');
    // The closed ticket's run lives on for its reopen window and rating; its creator is messaged once.
    await eventually(() => expect(discord.driver.as(alice.id).directMessages()).toHaveLength(1));

    const row = await db.prisma.ticket.findFirstOrThrow({ where: { guildId, number: 1 } });
    expect(row).toMatchObject({
      status: 'closed',
      closeReason: 'Refund issued',
      closedById: sam.id,
      assigneeId: sam.id,
    });
    const events = await db.prisma.ticketEvent.findMany({
      where: { guildId, ticketId: row.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.kind)).toEqual(['opened', 'replied', 'assigned', 'closed']);
    expect(await db.prisma.ticketMessage.count({ where: { guildId, ticketId: row.id } })).toBe(1);

    expect(discord.state.channels.get(opened.threadId)).toMatchObject({ thread: { archived: true, locked: true } });
    const histories = discord.state.messagesIn(world.channels.get('histories')?.id ?? '');
    expect(histories).toHaveLength(1);
    expect(JSON.stringify(histories[0])).toContain('Refund issued');

    expect(row.transcriptKey).toBe(closed.outcome === 'closed' ? closed.transcriptKey : '');
    const transcript = await loadTranscript(new FileTranscriptStorage(transcriptsDir), row.transcriptKey ?? '');
    // Names come from Discord at close, not ids and not only what Postgres stored.
    expect(transcript.header.ticket.guildName).toBe('Ticketflow E2E');
    expect(transcript.header.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: alice.id, name: 'alice', bot: false }),
        expect.objectContaining({ id: discord.bot.userId, name: 'Ticketflow', bot: true }),
      ]),
    );
    const contents: string[] = [];
    for await (const message of transcript.messages) contents.push(JSON.stringify(message));
    expect(contents.some((c) => c.includes('message 990000000000000001'))).toBe(true);

    const shown = JSON.parse(await cli('ticket', 'show', opened.workflowId));
    expect(shown).toMatchObject({ status: 'closed', number: 1, closure: { reason: 'Refund issued' } });
    const htmlPath = (await cli('transcript', `${guildId}/1`)).split(' (')[0] ?? '';
    const html = await readFile(htmlPath, 'utf8');
    expect(html).toContain('message 990000000000000001');
    expect(html).toContain('Refund issued');

    const closedRows = await eventually(async () => {
      const rows = await listTickets(
        `TicketGuildId = "${guildId}" AND TicketStatus = "closed" AND TicketAssigneeId = "${sam.id}"`,
      );
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(closedRows[0]?.execution.workflowId).toBe(opened.workflowId);
  });
});
