import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { DiscordState } from '../state/discord-state.ts';
import type { ChannelRecord, PermissionOverwriteRecord } from '../state/records.ts';
import { ALL_PERMISSIONS, channelPermissions, guildPermissions, hasPermission } from './compute.ts';

/**
 * Whether a bot may write these overwrites, by Discord's documented rule: it may allow or deny only permissions it
 * holds itself, in the guild when it creates a channel (Create Guild Channel, and the 2021-01-22 change log), and in
 * the guild or the channel's category when it edits one (Modify Channel, Edit Channel Permissions); MANAGE_ROLES
 * ("Manage Permissions") only as a guild administrator. Both limits fall away when an overwrite in the channel
 * itself allows the bot MANAGE_ROLES. `place.channel` is null for a channel being created.
 */
export function mayWriteOverwrites(
  state: DiscordState,
  botUserId: string,
  place: { guildId: string; channel: ChannelRecord | null; parentId: string | null },
  overwrites: readonly PermissionOverwriteRecord[],
): boolean {
  if (place.channel && overwriteAllowsManageRoles(state, place.channel, botUserId)) return true;
  const guildBits = guildPermissions(state, place.guildId, botUserId);
  const administrator = hasPermission(guildBits, PermissionFlagsBits.Administrator);
  if (administrator) return true;
  const held =
    place.channel && place.parentId ? guildBits | channelPermissions(state, place.parentId, botUserId) : guildBits;
  return overwrites.every((overwrite) => {
    const bits = BigInt(overwrite.allow) | BigInt(overwrite.deny);
    return (bits & PermissionFlagsBits.ManageRoles) === 0n && (bits & ~held & ALL_PERMISSIONS) === 0n;
  });
}

/** An overwrite in the channel itself (for @everyone, one of the bot's roles, or the bot) allows it MANAGE_ROLES. */
function overwriteAllowsManageRoles(state: DiscordState, channel: ChannelRecord, botUserId: string): boolean {
  const roleIds = new Set([channel.guildId, ...(state.member(channel.guildId, botUserId)?.roleIds ?? [])]);
  return channel.permissionOverwrites.some(
    (overwrite) =>
      (overwrite.type === 0 ? roleIds.has(overwrite.id) : overwrite.id === botUserId) &&
      (BigInt(overwrite.allow) & PermissionFlagsBits.ManageRoles) !== 0n,
  );
}
