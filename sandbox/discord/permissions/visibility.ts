import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { DiscordState } from '../state/discord-state.ts';
import { channelPermissions, hasPermission } from './compute.ts';

/**
 * Who sees what, as Discord decides it for REST access, gateway delivery and the driver alike. Below the state and
 * the gateway: both ask it, and it only reads the state.
 */

export function isThreadMember(state: DiscordState, threadId: string, userId: string): boolean {
  return state.threadMembers(threadId).some((member) => member.userId === userId);
}

/**
 * Whether a user's client would be told about a channel: they need VIEW_CHANNEL, and a private thread also
 * needs them to be in it or to hold MANAGE_THREADS. Someone outside the guild sees nothing; a DM channel is seen
 * by its two recipients only.
 */
export function canSeeChannel(state: DiscordState, channelId: string, userId: string): boolean {
  const dm = state.dmChannels.get(channelId);
  if (dm) return dm.recipientIds.includes(userId);
  const channel = state.channels.get(channelId);
  if (!channel) return false;
  const bits = channelPermissions(state, channelId, userId);
  if (!hasPermission(bits, PermissionFlagsBits.ViewChannel)) return false;
  if (channel.type !== ChannelType.PrivateThread) return true;
  return hasPermission(bits, PermissionFlagsBits.ManageThreads) || isThreadMember(state, channelId, userId);
}

/** Who may see the channel right now, decided now: for events about a channel that is about to disappear. */
export function viewersNow(state: DiscordState, channelId: string): (userId: string) => boolean {
  const channel = state.channels.get(channelId);
  const viewers = new Set(
    channel
      ? state
          .membersOf(channel.guildId)
          .filter((member) => canSeeChannel(state, channelId, member.userId))
          .map((member) => member.userId)
      : [],
  );
  return (userId) => viewers.has(userId);
}
