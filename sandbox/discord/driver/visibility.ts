import { canSeeChannel } from '../permissions/visibility.ts';
import type { DiscordState } from '../state/discord-state.ts';
import type { ChannelRecord, MessageChannelRecord } from '../state/records.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';

/**
 * The channel, if this user can see it: a guild channel as their permissions allow, or a DM channel they are a
 * recipient of; otherwise the refusal a client would give (nothing to click).
 */
export function visibleChannel(state: DiscordState, channelId: string, userId: string): MessageChannelRecord {
  const dm = state.dmChannels.get(channelId);
  if (dm) {
    if (!dm.recipientIds.includes(userId))
      throw new SandboxDriverError(`user ${userId} is not a recipient of DM channel ${channelId}`);
    return dm;
  }
  const channel = state.channels.get(channelId);
  if (!channel) throw new SandboxDriverError(`there is no channel ${channelId}`);
  if (!state.member(channel.guildId, userId))
    throw new SandboxDriverError(`user ${userId} is not a member of the guild of channel ${channelId}`);
  if (!canSeeChannel(state, channel.id, userId))
    throw new SandboxDriverError(`user ${userId} cannot see channel ${channel.name} (${channelId})`);
  return channel;
}

/** A guild channel this user sees, for what DMs do not offer (guild slash commands). */
export function visibleGuildChannel(state: DiscordState, channelId: string, userId: string): ChannelRecord {
  const channel = visibleChannel(state, channelId, userId);
  if (channel.guildId === null)
    throw new SandboxDriverError(`channel ${channelId} is a DM; a guild's commands run in its channels only`);
  return channel;
}
