import { once } from 'node:events';
import { Connection, Client as TemporalClient } from '@temporalio/client';
import { type Client, Events } from 'discord.js';
import {
  type APIComponentInMessageActionRow,
  type APIMessage,
  ApplicationCommandType,
  ComponentType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import { expect } from 'vitest';
import type { BotServices } from '../../../bot/bot-context.ts';
import { createTicketBot } from '../../../bot/create-ticket-bot.ts';
import { DEFAULT_PLANS } from '../../../domain/plans.ts';
import { createDiscordSandbox, type DiscordSandbox, seedGuild } from '../../../sandbox/discord/index.ts';
import { createGuildConfigRepository } from '../../../store/guild-config-repository.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { eventually } from '../../support/ticket-harness.ts';

const bits = (...flags: bigint[]) => flags.reduce((all, flag) => all | flag, 0n).toString();

/**
 * A guild with an admin (Manage Server), a staff member, two plain members, and the bot holding what the ticket
 * channel needs; a real discord.js bot logged in to the local Discord; a real Postgres. Temporal is reachable
 * nowhere: config, list and panel must not need it.
 */
export async function startCommandWorld() {
  const database: TestDatabase = await createTestDatabase();
  const sandbox: DiscordSandbox = await createDiscordSandbox();
  const seeded = seedGuild(sandbox.state, {
    botUserId: sandbox.bot.userId,
    roles: [
      { name: 'Admins', permissions: bits(PermissionFlagsBits.ManageGuild) },
      { name: 'Staff' },
      { name: 'Alerts', mentionable: true },
      { name: 'Quiet' },
      { name: 'Ticket bot', permissions: bits(PermissionFlagsBits.ManageThreads) },
    ],
    members: [
      { username: 'ada', roles: ['Admins'] },
      { username: 'sam', roles: ['Staff'] },
      { username: 'alice' },
      { username: 'bob' },
      { username: 'otherbot', bot: true },
    ],
    textChannels: ['tickets', 'histories', 'lobby'],
  });
  const pick = <T>(map: Map<string, T>, key: string): T => {
    const value = map.get(key);
    if (!value) throw new Error(`seed has no ${key}`);
    return value;
  };
  const guildId = seeded.guild.id;
  const botRole = pick(seeded.roles, 'Ticket bot');
  sandbox.state.addMember(guildId, sandbox.bot.userId, { roleIds: [botRole.id] });
  const botDenied = (deny: bigint) => [{ id: sandbox.bot.userId, type: 1 as const, allow: '0', deny: deny.toString() }];
  // Channels where the bot lacks what it needs: threads in one, posting in the other.
  const noThreads = sandbox.state.createTextChannel(guildId, {
    name: 'no-threads',
    permissionOverwrites: botDenied(PermissionFlagsBits.CreatePrivateThreads),
  });
  const readOnly = sandbox.state.createTextChannel(guildId, {
    name: 'read-only',
    permissionOverwrites: botDenied(PermissionFlagsBits.SendMessages),
  });

  const context: BotServices = {
    // Without the client's own gRPC retries: a retry still in flight when the test closes the connection (a config
    // save tells open tickets through Temporal, in the background) would throw from the client's timer.
    temporal: new TemporalClient({ connection: Connection.lazy({ address: '127.0.0.1:1', interceptors: [] }) }),
    taskQueue: 'unused',
    prisma: database.prisma,
    guildConfigs: createGuildConfigRepository(database.prisma, DEFAULT_PLANS),
  };
  const bot: Client = createTicketBot(context, sandbox.clientOptions());
  const ready = once(bot, Events.ClientReady);
  await bot.login(sandbox.bot.token);
  await ready;
  // The bot registers its commands when it sees the guild; the sandbox keeps them only if they passed validation.
  await eventually(() =>
    expect(sandbox.state.commands.byName(guildId, 'ticket-config', ApplicationCommandType.ChatInput)).toBeDefined(),
  );

  return {
    database,
    sandbox,
    guildId,
    context,
    bot,
    role: (name: string) => pick(seeded.roles, name),
    user: (name: string) => pick(seeded.users, name),
    channel: (name: string) => pick(seeded.channels, name),
    noThreads,
    readOnly,
    /** Runs `/ticket ...` as this member in the lobby and returns the text of the private answer. */
    ticket: (username: string, input: CommandInput, channelId?: string) =>
      privateAnswer(username, 'ticket', input, channelId),
    /** Runs `/ticket-config ...` the same way. */
    ticketConfig: (username: string, input: CommandInput, channelId?: string) =>
      privateAnswer(username, 'ticket-config', input, channelId),
    async stop() {
      await bot.destroy();
      await context.temporal.connection.close();
      await sandbox.close();
      await database.cleanup();
    },
  };

  async function privateAnswer(
    username: string,
    command: string,
    input: CommandInput,
    channelId = pick(seeded.channels, 'lobby').id,
  ) {
    const interaction = sandbox.driver.as(pick(seeded.users, username).id).runSlashCommand(channelId, command, input);
    const reply = await interaction.waitForReply();
    expect((reply.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    return { interaction, reply, text: reply.content };
  }
}

type CommandInput = { group?: string; subcommand: string; options?: Record<string, string | number | boolean> };

/** The buttons and menus of a message's action rows, in order. */
export function componentsOf(message: APIMessage | undefined): APIComponentInMessageActionRow[] {
  return (message?.components ?? []).flatMap((row) => (row.type === ComponentType.ActionRow ? row.components : []));
}

export type CommandWorld = Awaited<ReturnType<typeof startCommandWorld>>;
