import type { DiscordState } from '../state/discord-state.ts';
import {
  type ChannelRecord,
  type GuildRecord,
  isThread,
  type ThreadRecord,
  type UserRecord,
} from '../state/records.ts';
import { missingAccess, unknownChannel, unknownGuild, unknownUser, wrongChannelType } from './errors.ts';

/**
 * Lookups that answer like Discord: unknown ids are 404 with the resource's error code, and a bot
 * that is not in the guild gets 403 Missing Access. Channel permission overwrites are not modelled.
 */

export function requireGuild(state: DiscordState, guildId: string, botUserId: string): GuildRecord {
  const guild = state.guilds.get(guildId);
  if (!guild) throw unknownGuild();
  if (!state.member(guildId, botUserId)) throw missingAccess();
  return guild;
}

export function requireChannel(state: DiscordState, channelId: string, botUserId: string): ChannelRecord {
  const channel = state.channels.get(channelId);
  if (!channel) throw unknownChannel();
  if (!state.member(channel.guildId, botUserId)) throw missingAccess();
  return channel;
}

export function requireThread(state: DiscordState, channelId: string, botUserId: string): ThreadRecord {
  const channel = requireChannel(state, channelId, botUserId);
  if (!isThread(channel)) throw wrongChannelType();
  return channel;
}

export function requireUser(state: DiscordState, userId: string): UserRecord {
  const user = state.users.get(userId);
  if (!user) throw unknownUser();
  return user;
}
