import { channelPermissions, hasPermission } from '../permissions/compute.ts';
import { canSeeChannel } from '../permissions/visibility.ts';
import type { DiscordState } from '../state/discord-state.ts';
import {
  type ChannelRecord,
  type GuildRecord,
  isThread,
  type MessageChannelRecord,
  type ThreadRecord,
  type UserRecord,
} from '../state/records.ts';
import {
  missingAccess,
  missingPermissions,
  unknownChannel,
  unknownGuild,
  unknownUser,
  wrongChannelType,
} from './errors.ts';

/**
 * Lookups that answer like Discord: unknown ids are 404 with the resource's error code, and a bot
 * that is not in the guild, or cannot see the channel, gets 403 Missing Access; one that sees it but lacks a
 * permission gets 403 Missing Permissions.
 */

export function requireGuild(state: DiscordState, guildId: string, botUserId: string): GuildRecord {
  const guild = state.guilds.get(guildId);
  if (!guild) throw unknownGuild();
  if (!state.member(guildId, botUserId)) throw missingAccess();
  return guild;
}

/**
 * A guild channel the bot can see: VIEW_CHANNEL, and for a private thread membership or MANAGE_THREADS. One of the
 * bot's DM channels exists but is the wrong type for what only guild channels do.
 */
export function requireChannel(state: DiscordState, channelId: string, botUserId: string): ChannelRecord {
  const channel = requireMessageChannel(state, channelId, botUserId);
  if (channel.guildId === null) throw wrongChannelType();
  return channel;
}

/** A guild channel as `requireChannel` finds it, or a DM channel the bot is a recipient of. */
export function requireMessageChannel(state: DiscordState, channelId: string, botUserId: string): MessageChannelRecord {
  const channel = state.messageChannel(channelId);
  if (!channel) throw unknownChannel();
  if (!canSeeChannel(state, channel.id, botUserId)) throw missingAccess();
  return channel;
}

/** 403 Missing Permissions unless the user holds every flag in the channel. */
export function requirePermissions(
  state: DiscordState,
  channel: ChannelRecord,
  userId: string,
  ...flags: bigint[]
): void {
  const bits = channelPermissions(state, channel.id, userId);
  if (!flags.every((flag) => hasPermission(bits, flag))) throw missingPermissions();
}

export function holdsPermission(state: DiscordState, channel: ChannelRecord, userId: string, flag: bigint): boolean {
  return hasPermission(channelPermissions(state, channel.id, userId), flag);
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
