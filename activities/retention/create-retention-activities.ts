import type { RetentionActivities } from '../../workflows/retention/definitions.ts';
import { purgeExpiredTickets, type RetentionActivityDeps } from './purge-expired-tickets.ts';

/** The retention run's side effects, wired to Postgres, transcript storage and the plans. */
export function createRetentionActivities(deps: RetentionActivityDeps): RetentionActivities {
  return {
    async listRetentionGuilds({ afterGuildId, limit }) {
      const guilds = await deps.prisma.guild.findMany({
        where: afterGuildId === null ? {} : { id: { gt: afterGuildId } },
        orderBy: { id: 'asc' },
        take: limit,
        select: { id: true },
      });
      return guilds.map((guild) => guild.id);
    },
    purgeExpiredTickets: (input) => purgeExpiredTickets(deps, input),
  };
}
