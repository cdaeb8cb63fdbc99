import { Connection, Client as TemporalClient } from '@temporalio/client';
import { type Client, Events } from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import type { BotServices } from '../../bot/bot-context.ts';
import { createTicketBot } from '../../bot/create-ticket-bot.ts';
import { ANSWER_WITHIN_MS } from '../../bot/interactions/answer-in-time.ts';
import { ticketPanelMessage } from '../../bot/panel/ticket-panel-message.ts';
import { type GuildConfigInput, guildConfigSchema } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { translate } from '../../i18n/translate.ts';
import { createPrismaClient } from '../../prisma/client.ts';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../sandbox/discord/index.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { createTestDatabase } from '../support/database.ts';
import { freePort } from '../support/free-port.ts';
import { permissiveGuildDirectory } from '../support/guild-directory.ts';

const SERVICE_TROUBLE =
  'Could not reach the ticket service just now. Nothing was changed; please try again in a moment.';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Nothing listens on a fresh free port: every call there fails (after the client's own retries). */
async function closedAddress(): Promise<string> {
  return `127.0.0.1:${await freePort()}`;
}

/** A sandbox guild with alice and a posted panel, and the bot logged in with the given context. */
async function botWithPanel(makeContext: (ticketChannelId: string, guildId: string) => Promise<BotServices>) {
  const discord: DiscordSandbox = await createDiscordSandbox();
  cleanups.push(() => discord.close());
  const world = seedGuild(discord.state, { botUserId: discord.bot.userId, members: [{ username: 'alice' }] });
  const ticketsId = world.channels.get('tickets')?.id ?? '';
  const bot: Client = createTicketBot(await makeContext(ticketsId, world.guild.id), discord.clientOptions());
  cleanups.push(() => bot.destroy());
  const ready = new Promise((resolve) => bot.once(Events.ClientReady, resolve));
  await bot.login(discord.bot.token);
  await ready;
  const tickets = await bot.channels.fetch(ticketsId);
  if (!tickets?.isSendable()) throw new Error('#tickets is not a text channel');
  const panel = await tickets.send(ticketPanelMessage(guildConfigSchema.parse(configFor(ticketsId))));
  const alice = discord.driver.as(world.users.get('alice')?.id ?? '');
  return { discord, pressPanel: () => alice.pressButton(ticketsId, panel.id, 'tpanel:support'), alice };
}

function configFor(ticketChannelId: string): GuildConfigInput {
  return {
    ticketChannelId,
    ticketTypes: [{ key: 'support', name: 'Support', questions: [{ label: 'What happened?' }] }],
  };
}

describe('the bot while a service it needs is down', () => {
  it('acknowledges within 3 s with Temporal unreachable and tells the member within seconds that the open is queued', async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.cleanup());
    // Without the client's own gRPC retries: the bot retries by itself, and a retry the client still had in flight
    // when the test closes the connection would throw from the client's timer.
    const connection = Connection.lazy({ address: await closedAddress(), interceptors: [] });
    cleanups.push(() => connection.close());
    const { pressPanel, alice } = await botWithPanel(async (ticketsId, guildId) => {
      const guildConfigs = createGuildConfigRepository(db.prisma, DEFAULT_PLANS);
      await guildConfigs.saveGuildConfig(guildId, permissiveGuildDirectory, configFor(ticketsId));
      return { temporal: new TemporalClient({ connection }), taskQueue: 'nowhere', prisma: db.prisma, guildConfigs };
    });

    const pressed = pressPanel();
    expect((await pressed.waitForAck()).ackMs).toBeLessThan(3000);
    await pressed.waitForModal();
    const submitted = alice.submitModal(pressed, { q0: 'My order never arrived.' });
    const ack = await submitted.waitForAck();
    expect(ack.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(ack.ackMs).toBeLessThan(3000);
    // Not "nothing was changed": the bot keeps sending the open, which completes if Temporal comes back in time.
    const answer = await submitted.waitForReply(ANSWER_WITHIN_MS + 5_000);
    expect(answer.content).toBe(translate('en', 'replies.requestQueued'));
    expect.soft(answer.flags).toBe(64);
    expect(await db.prisma.ticket.count()).toBe(0);
  }, 120_000);

  it('answers the panel button within 3 s in plain words with Postgres unreachable', async () => {
    const prisma = createPrismaClient(`postgresql://postgres@${await closedAddress()}/nowhere`);
    cleanups.push(() => prisma.$disconnect());
    const connection = Connection.lazy({ address: await closedAddress() });
    cleanups.push(() => connection.close());
    const { pressPanel } = await botWithPanel(async () => ({
      temporal: new TemporalClient({ connection }),
      taskQueue: 'nowhere',
      prisma,
      guildConfigs: createGuildConfigRepository(prisma, DEFAULT_PLANS),
    }));

    const pressed = pressPanel();
    const ack = await pressed.waitForAck();
    expect(ack.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(ack.ackMs).toBeLessThan(3000);
    const answer = await pressed.waitForReply();
    expect(answer.content).toBe(SERVICE_TROUBLE);
    expect.soft(answer.flags).toBe(64);
  }, 60_000);
});
