import { canSeeChannel } from '../permissions/visibility.ts';
import type { DiscordState } from '../state/discord-state.ts';
import type { ChannelRecord } from '../state/records.ts';
import { SandboxDriverError } from './sandbox-driver-error.ts';

/** The channel, if this user can see it; otherwise the refusal a client would give (nothing to click). */
export function visibleChannel(state: DiscordState, channelId: string, userId: string): ChannelRecord {
  const channel = state.channels.get(channelId);
  if (!channel) throw new SandboxDriverError(`there is no channel ${channelId}`);
  if (!state.member(channel.guildId, userId))
    throw new SandboxDriverError(`user ${userId} is not a member of the guild of channel ${channelId}`);
  if (!canSeeChannel(state, channel.id, userId))
    throw new SandboxDriverError(`user ${userId} cannot see channel ${channel.name} (${channelId})`);
  return channel;
}
