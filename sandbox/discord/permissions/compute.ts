import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { DiscordState } from '../state/discord-state.ts';
import { isThread, type PermissionOverwriteRecord } from '../state/records.ts';

/** Every permission bit Discord defines: what owners and administrators hold. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((bits, flag) => bits | flag, 0n);

/**
 * A member's guild-level permissions: @everyone plus their roles; the owner and ADMINISTRATOR hold all.
 * 0n for someone who is not a member. No overwrites or implicit rules: this is what `/users/@me/guilds` shows.
 */
export function guildPermissions(state: DiscordState, guildId: string, userId: string): bigint {
  const guild = state.guilds.get(guildId);
  const member = state.member(guildId, userId);
  if (!guild || !member) return 0n;
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const bits = [guildId, ...member.roleIds].reduce(
    (held, roleId) => held | BigInt(state.roles.get(roleId)?.permissions ?? '0'),
    0n,
  );
  return (bits & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : bits;
}

/**
 * A member's permissions in a channel, Discord's way: guild permissions, then the channel's overwrites for
 * @everyone, then the member's roles (all denies, then all allows), then the member. Threads use their parent's
 * overwrites. Without VIEW_CHANNEL nothing is left; without SEND_MESSAGES (in threads
 * SEND_MESSAGES_IN_THREADS) no mentions, embeds or files.
 */
export function channelPermissions(state: DiscordState, channelId: string, userId: string): bigint {
  const channel = state.channels.get(channelId);
  if (!channel) return 0n;
  const base = guildPermissions(state, channel.guildId, userId);
  if ((base & PermissionFlagsBits.Administrator) !== 0n) return ALL_PERMISSIONS;
  const source = isThread(channel) && channel.parentId ? state.channels.get(channel.parentId) : channel;
  const overwrites = source?.permissionOverwrites ?? [];
  const roleIds = new Set(state.member(channel.guildId, userId)?.roleIds ?? []);
  let bits = applyOverwrite(
    base,
    overwrites.find((each) => each.type === 0 && each.id === channel.guildId),
  );
  const roleOverwrites = overwrites.filter((each) => each.type === 0 && roleIds.has(each.id));
  bits &= ~roleOverwrites.reduce((denied, each) => denied | BigInt(each.deny), 0n);
  bits |= roleOverwrites.reduce((allowed, each) => allowed | BigInt(each.allow), 0n);
  bits = applyOverwrite(
    bits,
    overwrites.find((each) => each.type === 1 && each.id === userId),
  );
  if ((bits & PermissionFlagsBits.ViewChannel) === 0n) return 0n;
  const sendFlag = isThread(channel) ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  if ((bits & sendFlag) === 0n)
    bits &= ~(PermissionFlagsBits.MentionEveryone | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.AttachFiles);
  return bits;
}

/** Whether the bits grant the flag; ADMINISTRATOR grants everything. */
export function hasPermission(bits: bigint, flag: bigint): boolean {
  return (bits & PermissionFlagsBits.Administrator) !== 0n || (bits & flag) === flag;
}

function applyOverwrite(bits: bigint, overwrite: PermissionOverwriteRecord | undefined): bigint {
  if (!overwrite) return bits;
  return (bits & ~BigInt(overwrite.deny)) | BigInt(overwrite.allow);
}
