import type { PrismaClient } from '../prisma/client.ts';

/** The configured staff roles of each of these guilds, in one query; a guild that configured none maps to []. */
export async function staffRoleIdsOf(
  prisma: PrismaClient,
  guildIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byGuild = new Map<string, string[]>(guildIds.map((guildId) => [guildId, []]));
  if (guildIds.length === 0) return byGuild;
  const rows = await prisma.guildStaffRole.findMany({ where: { guildId: { in: [...guildIds] } } });
  for (const row of rows) byGuild.get(row.guildId)?.push(row.roleId);
  return byGuild;
}
