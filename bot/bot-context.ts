import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../prisma/client.ts';
import type { GuildConfigRepository } from '../store/guild-config-repository.ts';

/**
 * What every handler reaches the world through. The bot keeps no ticket state: tickets live in their
 * workflows (reached through `temporal`) and their rows (read through `prisma`).
 */
export interface BotContext {
  temporal: Client;
  /** The task queue ticket workflows start on. */
  taskQueue: string;
  prisma: PrismaClient;
  guildConfigs: GuildConfigRepository;
}
