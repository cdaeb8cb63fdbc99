import { type Client, Status } from 'discord.js';
import type { PrismaClient } from '../prisma/client.ts';
import type { ReadinessCheck } from '../telemetry/health-server.ts';
import { type TemporalConnection, temporalAnswers } from '../temporal/client.ts';

/** Ready: every gateway shard's session is (never once the bot stops), Temporal answers and Postgres does. */
export function botReadiness(
  bot: Client,
  services: { temporal: TemporalConnection; prisma: PrismaClient },
  stopping: () => boolean,
): Record<string, ReadinessCheck> {
  return {
    gateway: () => {
      if (stopping()) throw new Error('stopping');
      const notReady = [...bot.ws.shards.values()].filter((shard) => shard.status !== Status.Ready);
      if (!bot.isReady() || notReady.length > 0) throw new Error('the gateway session is not ready');
    },
    temporal: () => temporalAnswers(services.temporal),
    postgres: () => services.prisma.$queryRaw`SELECT 1`,
  };
}
