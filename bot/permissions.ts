import { type GuildMember, PermissionFlagsBits } from 'discord.js';
import type { GuildConfig } from '../domain/guild-config.ts';
import type { Actor } from '../domain/ticket.ts';

/**
 * The one place the bot decides who is staff: a configured staff role, or Manage Guild (which server
 * admins hold). What staff may then do is decided by domain/ticket-permissions.ts, and enforced again by
 * the ticket workflow.
 */
export function isStaff(member: GuildMember, config: Pick<GuildConfig, 'staffRoleIds'> | null): boolean {
  if (member.permissions.has(PermissionFlagsBits.ManageGuild)) return true;
  return (config?.staffRoleIds ?? []).some((roleId) => member.roles.cache.has(roleId));
}

export function actorOf(member: GuildMember, config: Pick<GuildConfig, 'staffRoleIds'> | null): Actor {
  return { id: member.id, name: member.displayName.slice(0, 100), isStaff: isStaff(member, config) };
}
