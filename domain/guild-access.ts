import { PermissionFlagsBits } from 'discord-api-types/v10';

/**
 * What someone may do with a guild in the panel and its API, weakest first: a member sees their own tickets and
 * transcripts, staff see and act on every ticket, admins also edit the guild's configuration.
 */
export const GUILD_ACCESS_LEVELS = ['member', 'staff', 'admin'] as const;
export type GuildAccess = (typeof GUILD_ACCESS_LEVELS)[number];

export interface GuildStanding {
  /** Whether they own the guild (Discord's `owner` on their guild list). */
  owner: boolean;
  /** Their guild-level permissions (@everyone and their roles, no channel overwrites). */
  permissions: bigint;
  /** Their roles in the guild; null when not looked up because the answer cannot depend on them. */
  roleIds: readonly string[] | null;
}

const ADMIN_PERMISSIONS = PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild;

/** Owner, Administrator or Manage Server: admin whatever their roles. */
export function isGuildAdmin(standing: Pick<GuildStanding, 'owner' | 'permissions'>): boolean {
  return standing.owner || (standing.permissions & ADMIN_PERMISSIONS) !== 0n;
}

/**
 * The one rule for a guild's member: admin (owner, Administrator or Manage Server), staff (one of the guild's
 * configured staff roles), else member. The bot's own check (bot/permissions.ts) agrees: Manage Server or a staff
 * role makes staff.
 */
export function guildAccess(standing: GuildStanding, staffRoleIds: readonly string[]): GuildAccess {
  if (isGuildAdmin(standing)) return 'admin';
  if (standing.roleIds?.some((roleId) => staffRoleIds.includes(roleId))) return 'staff';
  return 'member';
}

/** Whether access `held` is at least `required`: admins may do what staff may, staff what members may. */
export function grants(held: GuildAccess, required: GuildAccess): boolean {
  return GUILD_ACCESS_LEVELS.indexOf(held) >= GUILD_ACCESS_LEVELS.indexOf(required);
}
