import { type Client, Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botClientOptions, createTicketBot } from '../../bot/create-ticket-bot.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { getTicketState } from '../../workflows/ticket/definitions.ts';
import { openFromPanel, post, waitUntilStored } from '../support/ticket-life.ts';
import { startTicketflowSystem, type TicketflowSystem } from '../support/ticketflow-system.ts';

/**
 * The bot stops (a deploy, a crash) while people keep writing in ticket threads; Discord replays nothing into
 * the next bot's fresh session, so its catch-up must read those messages and make them replies.
 */
let system: TicketflowSystem;
let nextBot: Client | undefined;

beforeAll(async () => {
  system = await startTicketflowSystem();
}, 120_000);

afterAll(async () => {
  await nextBot?.destroy();
  await system?.close();
});

async function ticketRow(threadId: string) {
  return system.db.prisma.ticket.findFirstOrThrow({ where: { threadId } });
}

describe('messages posted while the bot was away', () => {
  it('become replies of their ticket once each when a new bot logs in, and count as activity', async () => {
    const ticket = await openFromPanel(system, 'alice', 'My order never came.');
    const beforeStop = post(system, ticket, 'alice', 'It was order 2210.');
    await waitUntilStored(system, [beforeStop]);
    // A second ticket whose thread is deleted while the bot is away: its catch-up fails alone.
    const deleted = await openFromPanel(system, 'bob', 'Please delete my account.');
    const workflow = system.temporal.client.workflow.getHandle((await ticketRow(ticket.threadId)).workflowId);
    const activityBefore = {
      row: (await ticketRow(ticket.threadId)).lastActivityAt.getTime(),
      workflow: (await workflow.query(getTicketState)).lastActivityAt,
    };

    await system.bot.destroy();
    const missed = [
      post(system, ticket, 'alice', 'Tracking says delivered.'),
      post(system, ticket, 'sam', 'Checking with the courier.'),
      post(system, ticket, 'alice', 'Thanks, I will wait.'),
    ];
    system.discord.state.deleteChannel(deleted.threadId);

    nextBot = createTicketBot(
      {
        temporal: system.temporal.client,
        taskQueue: system.taskQueue,
        prisma: system.db.prisma,
        guildConfigs: createGuildConfigRepository(system.db.prisma, DEFAULT_PLANS),
      },
      botClientOptions(system.discord.apiBaseUrl),
    );
    const ready = new Promise((resolve) => nextBot?.once(Events.ClientReady, resolve));
    await nextBot.login(system.discord.bot.token);
    await ready;
    await waitUntilStored(system, missed);

    const row = await ticketRow(ticket.threadId);
    const stored = await system.db.prisma.ticketMessage.findMany({
      where: { guildId: row.guildId, ticketId: row.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const replied = await system.db.prisma.ticketEvent.findMany({
      where: { guildId: row.guildId, ticketId: row.id, kind: 'replied' },
    });
    const state = await workflow.query(getTicketState);
    expect({
      stored: stored.map((message) => [message.id, message.content]),
      repliedEvents: replied.map((event) => event.key).sort(),
      // The catch-up also re-reads the reply stored just before the stop; the ticket counts it once.
      replyCount: state.replyCount,
    }).toEqual({
      stored: [
        [beforeStop, 'It was order 2210.'],
        [missed[0], 'Tracking says delivered.'],
        [missed[1], 'Checking with the courier.'],
        [missed[2], 'Thanks, I will wait.'],
      ],
      repliedEvents: [beforeStop, ...missed].map((id) => `replied:${id}`).sort(),
      replyCount: 4,
    });
    // The idle timer restarted: the row and the workflow both saw the activity.
    expect(row.lastActivityAt.getTime()).toBeGreaterThan(activityBefore.row);
    expect(state.lastActivityAt).toBeGreaterThan(activityBefore.workflow);
  }, 300_000);
});
