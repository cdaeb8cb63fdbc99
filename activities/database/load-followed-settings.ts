import type { FollowedSettings, TicketActivities } from '../../domain/ticket.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { parseInput } from './failures.ts';
import { guildInputSchema } from './input-schemas.ts';
import { followedSettingsOf } from './ticket-settings.ts';

/** What open tickets of the guild follow, read fresh: the guild changed its settings since they opened. */
export async function loadFollowedSettings(
  prisma: PrismaClient,
  rawInput: Parameters<TicketActivities['loadFollowedSettings']>[0],
): Promise<FollowedSettings | null> {
  const { guildId } = parseInput(guildInputSchema, rawInput, 'loadFollowedSettings input');
  const guild = await prisma.guild.findUnique({
    where: { id: guildId },
    include: { staffRoles: { orderBy: { roleId: 'asc' } } },
  });
  if (!guild) return null;
  return followedSettingsOf(
    guild,
    guild.staffRoles.map((role) => role.roleId),
  );
}
