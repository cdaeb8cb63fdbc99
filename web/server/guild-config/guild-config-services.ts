import type { Client } from '@temporalio/client';
import type { PlanCatalogue } from '../../../domain/plans.ts';
import type { PrismaClient } from '../../../prisma/client.ts';
import { createGuildConfigRepository, type GuildConfigRepository } from '../../../store/guild-config-repository.ts';
import { createRestGuildDirectory, type RestGuildDirectory } from '../../../store/rest-guild-directory.ts';
import type { Logger } from '../../../telemetry/logger.ts';
import { announceGuildSettingsChanged } from '../../../temporal/guild-settings-client.ts';
import { type DiscordRestObserver, discordRest } from '../discord/discord-rest.ts';
import { createGuildConfigWriter, type GuildConfigWriter } from './guild-config-writer.ts';

/** How long one read of a guild's channels or roles serves the pickers (a check re-reads on a miss). */
export const GUILD_DIRECTORY_MAX_AGE_MS = 15_000;
/** Telling the open tickets waits at most this long for Temporal before the admin is answered. */
const ANNOUNCE_DEADLINE_MS = 5_000;

export interface GuildConfigServicesDeps {
  prisma: PrismaClient;
  /** The plans' limits: a save keeps within its plan's ticket types. */
  plans: PlanCatalogue;
  /** The bot on Discord: its token reads a guild's channels and roles and registers `/ticket` for its application. */
  bot: { token: string; apiBaseUrl: string; observe?: DiscordRestObserver };
  temporal: Client;
  /** The task queue the ticket workflows (and the guild's settings fan-out) run on. */
  taskQueue: string;
  logger?: Logger;
}

export interface GuildConfigServices {
  guildConfigs: GuildConfigRepository;
  guildDirectory: RestGuildDirectory;
  guildConfigWriter: GuildConfigWriter;
}

/** The configuration's store, the guild directory the pickers and the save check read, and the writer. */
export function createGuildConfigServices(deps: GuildConfigServicesDeps): GuildConfigServices {
  const guildConfigs = createGuildConfigRepository(deps.prisma, deps.plans);
  // One client for the pickers and the save's check: one queue, counted as the bot's requests.
  const botRest = discordRest(deps.bot.apiBaseUrl, { prefix: 'Bot', token: deps.bot.token });
  deps.bot.observe?.(botRest, 'bot');
  const guildDirectory = createRestGuildDirectory({ rest: botRest, maxAgeMs: GUILD_DIRECTORY_MAX_AGE_MS });
  const guildConfigWriter = createGuildConfigWriter({
    guildConfigs,
    directory: guildDirectory,
    announceSettingsChanged: (guildId) =>
      deps.temporal.withDeadline(Date.now() + ANNOUNCE_DEADLINE_MS, () =>
        announceGuildSettingsChanged(deps.temporal, { guildId, taskQueue: deps.taskQueue }),
      ),
    logFailure: (message, error, guildId) => deps.logger?.warn({ err: error, guildId }, message),
  });
  return { guildConfigs, guildDirectory, guildConfigWriter };
}
