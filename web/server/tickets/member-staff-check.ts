import { grants, guildAccess } from '../../../domain/guild-access.ts';
import type { PrismaClient } from '../../../prisma/client.ts';
import { staffRoleIdsOf } from '../../../store/guild-staff-roles.ts';
import type { RestGuildDirectory } from '../../../store/rest-guild-directory.ts';

/** Whether a member of the guild is staff there, as the bot would find them; false for someone not in it. */
export type MemberStaffCheck = (guildId: string, userId: string) => Promise<boolean>;

/**
 * Decides staff with the one rule (domain/guild-access.ts: owner, Administrator or Manage Server, or a configured
 * staff role) from Discord's answer with the bot's token: the member's roles (one request) and the guild's roles'
 * permissions (the directory's kept read). The bot finds the same from the member in its interaction.
 */
export function createMemberStaffCheck(deps: {
  prisma: PrismaClient;
  directory: Pick<RestGuildDirectory, 'roles' | 'member'>;
}): MemberStaffCheck {
  return async (guildId, userId) => {
    const [member, roles, staffRoles] = await Promise.all([
      deps.directory.member(guildId, userId),
      deps.directory.roles(guildId),
      staffRoleIdsOf(deps.prisma, [guildId]),
    ]);
    if (member === null) return false;
    // @everyone's permissions (its id is the guild's) count for every member.
    const permissions = roles
      .filter((role) => role.id === guildId || member.roleIds.includes(role.id))
      .reduce((held, role) => held | role.permissions, 0n);
    const access = guildAccess(
      { owner: member.isOwner, permissions, roleIds: member.roleIds },
      staffRoles.get(guildId) ?? [],
    );
    return grants(access, 'staff');
  };
}
