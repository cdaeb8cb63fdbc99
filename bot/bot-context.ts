import type { Client } from '@temporalio/client';
import type { Guild } from 'discord.js';
import type { GuildConfig } from '../domain/guild-config.ts';
import type { PrismaClient } from '../prisma/client.ts';
import type { GuildConfigRepository } from '../store/guild-config-repository.ts';
import type { BackgroundTasks } from './background-tasks.ts';

/**
 * The clients and stores the bot is started with (bot/main.ts, tests). The bot keeps no ticket state: tickets live
 * in their workflows (reached through `temporal`) and their rows (read through `prisma`).
 */
export interface BotServices {
  temporal: Client;
  /** The task queue ticket workflows start on. */
  taskQueue: string;
  prisma: PrismaClient;
  guildConfigs: GuildConfigRepository;
}

/** A guild's ticket configuration as it was, and as a change saved it. */
export interface GuildConfigChange {
  guild: Guild;
  before: GuildConfig | null;
  saved: GuildConfig;
}

/** What every handler reaches the world through: the services, and what the bot wires between its parts. */
export interface BotContext extends BotServices {
  /**
   * Runs after every successful save of a guild's configuration by the bot, and only then: the one place where the
   * rest of the bot catches up with a change. It never throws, since the change is saved whatever follows.
   */
  guildConfigSaved(change: GuildConfigChange): Promise<void>;
  /** What the bot goes on with after answering; stopped before the bot's connections close. */
  background: BackgroundTasks;
}
