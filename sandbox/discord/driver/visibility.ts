import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import { channelPermissions, hasPermission } from '../permissions/compute.ts';
import type { DiscordState } from '../state/discord-state.ts';
import type { ChannelRecord } from '../state/records.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';

/** Whether the user's client shows this channel: VIEW_CHANNEL, and for a private thread membership or MANAGE_THREADS. */
export function canView(state: DiscordState, channel: ChannelRecord, userId: string): boolean {
  const bits = channelPermissions(state, channel.id, userId);
  if (!hasPermission(bits, PermissionFlagsBits.ViewChannel)) return false;
  if (channel.type !== ChannelType.PrivateThread) return true;
  return (
    state.threadMembers(channel.id).some((member) => member.userId === userId) ||
    hasPermission(bits, PermissionFlagsBits.ManageThreads)
  );
}

/** The channel, if this user can see it; otherwise the refusal a client would give (nothing to click). */
export function visibleChannel(state: DiscordState, channelId: string, userId: string): ChannelRecord {
  const channel = state.channels.get(channelId);
  if (!channel) throw new SandboxDriverError(`there is no channel ${channelId}`);
  if (!state.member(channel.guildId, userId))
    throw new SandboxDriverError(`user ${userId} is not a member of the guild of channel ${channelId}`);
  if (!canView(state, channel, userId))
    throw new SandboxDriverError(`user ${userId} cannot see channel ${channel.name} (${channelId})`);
  return channel;
}
