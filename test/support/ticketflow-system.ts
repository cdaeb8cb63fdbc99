import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, Client as TemporalClient } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Client, Events } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import type { BotServices } from '../../bot/bot-context.ts';
import { botClientOptions, createTicketBot } from '../../bot/create-ticket-bot.ts';
import { ticketPanelMessage } from '../../bot/panel/ticket-panel-message.ts';
import type { GuildConfig, GuildConfigInput } from '../../domain/guild-config.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { createPrismaClient } from '../../prisma/client.ts';
import {
  createDiscordSandbox,
  type DiscordSandbox,
  type DiscordSandboxOptions,
  type SeededGuild,
  seedGuild,
} from '../../sandbox/discord/index.ts';
import { createGuildConfigRepository } from '../../store/guild-config-repository.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { freePort } from './free-port.ts';
import { permissiveGuildDirectory } from './guild-directory.ts';
import { type ServiceProcess, serviceProcess } from './service-process.ts';
import { startDevServer } from './temporal.ts';

export const SUPPORT_QUESTION = 'What do you need help with?';

export interface TicketflowSystemOptions {
  sandbox?: DiscordSandboxOptions;
  /** Extra plain members named `member-0` … `member-<n-1>` (the benchmark's crowd). */
  extraMembers?: number;
  /**
   * A guild of a real community's size: `bystanders` more plain members (`bystander-<i>`) and `staff` more members
   * of the Staff role (`staff-<i>`), so that what an open costs can be seen to depend, or not, on the guild's size.
   */
  crowd?: { bystanders: number; staff: number };
  /** Changes to the default guild configuration (ids of the seeded guild are known by then). */
  config?: (ids: SystemIds) => Partial<GuildConfigInput>;
  /**
   * Where the bot reaches Temporal and Postgres, and the worker Postgres, given where they are: an outage test puts
   * a relay (tcp-relay.ts) in between that it can cut. Unset, each reaches them directly.
   */
  reach?: {
    botTemporal?: (address: string) => Promise<string>;
    botPostgres?: (url: string) => Promise<string>;
    workerPostgres?: (url: string) => Promise<string>;
  };
  /** The panel's origin the worker's notices link to (PUBLIC_URL); none leaves the links out. */
  publicUrl?: string;
  /** False leaves the worker process stopped (`worker.start()` starts it), for a test that runs a worker its own way. */
  startWorker?: boolean;
  /** The bot's role's permissions, as its invite granted them; TICKET_BOT_PERMISSIONS unless given. */
  botPermissions?: bigint;
  /** More of the worker's environment: a payment provider's settings, for the subscription workflow's activities. */
  workerEnv?: Record<string, string>;
}

export interface SystemIds {
  userId(name: string): string;
  channelId(name: string): string;
  roleId(name: string): string;
}

/** The ticket worker as production runs it: `temporal/worker.ts` in its own process, which a test may kill. */
export type WorkerProcess = ServiceProcess;

export interface TicketflowSystem extends SystemIds {
  db: TestDatabase;
  discord: DiscordSandbox;
  temporal: TestWorkflowEnvironment;
  world: SeededGuild;
  config: GuildConfig;
  taskQueue: string;
  transcriptsDir: string;
  worker: WorkerProcess;
  /** The bot, in this process: discord.js against the local Discord, Temporal and Postgres. */
  bot: Client<true>;
  /** The Open-ticket panel the bot posted in #tickets. */
  panel: APIMessage;
  /** The bot's control message in a ticket thread (the one with Close, Claim, Pause). */
  controlMessage(threadId: string): APIMessage;
  close(): Promise<void>;
}

/**
 * The whole system on one machine, each part real: Postgres, the Temporal dev server, the worker process, the
 * bot's discord.js client, and the local Discord with a seeded guild (alice and bob are members, sam is staff,
 * mallory is blocked, Alerts is pinged on new tickets).
 */
export async function startTicketflowSystem(options: TicketflowSystemOptions = {}): Promise<TicketflowSystem> {
  const cleanups: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  // Started side by side; when one fails, the others that came up are stopped rather than left running.
  const started = await Promise.allSettled([
    createTestDatabase(),
    createDiscordSandbox({ heartbeatIntervalMs: 2_000, ...options.sandbox }),
    // Every family's attributes, as start.sh registers them: the worker runs subscription workflows beside tickets.
    freePort().then((port) => startDevServer(port)),
  ]);
  const [dbStart, discordStart, temporalStart] = started;
  if (dbStart.status === 'fulfilled') cleanups.push(() => dbStart.value.cleanup());
  if (discordStart.status === 'fulfilled') cleanups.push(() => discordStart.value.close());
  if (temporalStart.status === 'fulfilled') cleanups.push(() => temporalStart.value.teardown());
  if (dbStart.status === 'rejected' || discordStart.status === 'rejected' || temporalStart.status === 'rejected') {
    await closeAll();
    throw started.find((result) => result.status === 'rejected')?.reason;
  }
  const [db, discord, temporal] = [dbStart.value, discordStart.value, temporalStart.value];
  try {
    const world = seedGuild(discord.state, {
      botUserId: discord.bot.userId,
      botPermissions: options.botPermissions,
      name: 'Ticketflow E2E',
      roles: [{ name: 'Staff' }, { name: 'Alerts', mentionable: true }],
      members: [
        { username: 'alice' },
        { username: 'bob' },
        { username: 'sam', roles: ['Staff'] },
        { username: 'mallory' },
        ...Array.from({ length: options.extraMembers ?? 0 }, (_, index) => ({ username: `member-${index}` })),
        ...Array.from({ length: options.crowd?.bystanders ?? 0 }, (_, index) => ({ username: `bystander-${index}` })),
        ...Array.from({ length: options.crowd?.staff ?? 0 }, (_, index) => ({
          username: `staff-${index}`,
          roles: ['Staff'],
        })),
      ],
      textChannels: ['tickets', 'histories', 'reminders'],
    });
    const ids = systemIds(world);
    const guildConfigs = createGuildConfigRepository(db.prisma, DEFAULT_PLANS);
    const config = await guildConfigs.saveGuildConfig(world.guild.id, permissiveGuildDirectory, {
      staffRoleIds: [ids.roleId('Staff')],
      ticketChannelId: ids.channelId('tickets'),
      historiesChannelId: ids.channelId('histories'),
      remindersChannelId: ids.channelId('reminders'),
      notificationRoleId: ids.roleId('Alerts'),
      notificationsEnabled: true,
      blockedUserIds: [ids.userId('mallory')],
      ticketTypes: [
        {
          key: 'support',
          name: 'Support',
          questions: [{ label: SUPPORT_QUESTION, style: 'paragraph', maxLength: 500 }],
        },
      ],
      ...options.config?.(ids),
    });

    const taskQueue = `ticketflow-system-${process.pid}`;
    const transcriptsDir = await mkdtemp(join(tmpdir(), 'ticketflow-system-transcripts-'));
    cleanups.push(() => rm(transcriptsDir, { recursive: true, force: true }));
    // Ready once it polls; until then it is bundling workflows and connecting.
    const worker = serviceProcess(
      'worker',
      'temporal/worker.ts',
      {
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        DATABASE_URL: (await options.reach?.workerPostgres?.(db.url)) ?? db.url,
        DISCORD_TOKEN: discord.bot.token,
        DISCORD_API_BASE_URL: discord.apiBaseUrl,
        TRANSCRIPTS_DIR: transcriptsDir,
        ...(options.publicUrl ? { PUBLIC_URL: options.publicUrl } : {}),
        // Its health and metrics ports stay closed: test runs side by side must not contend for the defaults.
        WORKER_HEALTH_PORT: '0',
        WORKER_TEMPORAL_METRICS_PORT: '0',
        ...options.workerEnv,
      },
      /worker polling/,
    );
    cleanups.push(() => worker.stop());
    if (options.startWorker !== false) await worker.start();

    const bot = createTicketBot(
      await botServices(options, { db, temporal, taskQueue }, cleanups),
      botClientOptions(discord.apiBaseUrl),
    );
    cleanups.push(() => bot.destroy());
    const ready = new Promise<Client<true>>((resolve) => bot.once(Events.ClientReady, resolve));
    await bot.login(discord.bot.token);
    await ready;
    const tickets = await bot.channels.fetch(ids.channelId('tickets'));
    if (!tickets?.isSendable()) throw new Error('#tickets is not a text channel the bot can post in');
    const sent = await tickets.send(ticketPanelMessage(config));
    const panel = discord.state.message(ids.channelId('tickets'), sent.id);
    if (!panel) throw new Error('the panel message is not in #tickets');

    return {
      ...ids,
      db,
      discord,
      temporal,
      world,
      config,
      taskQueue,
      transcriptsDir,
      worker,
      bot: bot as Client<true>,
      panel,
      controlMessage: (threadId) => controlMessage(discord, threadId),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** The bot's clients: the test's own, or through where `options.reach` says. */
async function botServices(
  options: TicketflowSystemOptions,
  { db, temporal, taskQueue }: { db: TestDatabase; temporal: TestWorkflowEnvironment; taskQueue: string },
  cleanups: (() => Promise<void>)[],
): Promise<BotServices> {
  let temporalClient = temporal.client;
  const temporalAddress = await options.reach?.botTemporal?.(temporal.address);
  if (temporalAddress) {
    const connection = Connection.lazy({ address: temporalAddress });
    cleanups.push(() => connection.close());
    temporalClient = new TemporalClient({ connection });
  }
  let prisma = db.prisma;
  const databaseUrl = await options.reach?.botPostgres?.(db.url);
  if (databaseUrl) {
    const own = createPrismaClient(databaseUrl);
    cleanups.push(() => own.$disconnect());
    prisma = own;
  }
  return {
    temporal: temporalClient,
    taskQueue,
    prisma,
    guildConfigs: createGuildConfigRepository(prisma, DEFAULT_PLANS),
  };
}

function systemIds(world: SeededGuild): SystemIds {
  const pick = <T extends { id: string }>(map: Map<string, T>, kind: string, name: string): string => {
    const found = map.get(name);
    if (!found) throw new Error(`the seeded guild has no ${kind} ${name}`);
    return found.id;
  };
  return {
    userId: (name) => pick(world.users, 'member', name),
    channelId: (name) => pick(world.channels, 'channel', name),
    roleId: (name) => pick(world.roles, 'role', name),
  };
}

function controlMessage(discord: DiscordSandbox, threadId: string): APIMessage {
  const message = discord.state
    .messagesIn(threadId)
    .find((candidate) => JSON.stringify(candidate.components ?? []).includes('tclose:'));
  if (!message) throw new Error(`thread ${threadId} has no control message`);
  return message;
}
