import {
  type Client,
  DiscordAPIError,
  DiscordjsError,
  DiscordjsErrorCodes,
  type Guild,
  type GuildBasedChannel,
  type Role,
} from 'discord.js';
import type { GuildDirectory } from '../store/guild-directory.ts';

const FORBIDDEN = 403;
const NOT_FOUND = 404;

/**
 * The guilds as the bot's gateway cache has them, for the store's check of what a saved setting names. Channels
 * and roles arrive with each guild and stay current with its events, so a miss is almost always another guild's id;
 * Discord is asked before calling it absent all the same.
 */
export function gatewayGuildDirectory(client: Client): GuildDirectory {
  return {
    async channelType(guildId, channelId) {
      const guild = client.guilds.cache.get(guildId);
      return (guild && (await guildChannel(guild, channelId)))?.type ?? null;
    },
    async hasRole(guildId, roleId) {
      const guild = client.guilds.cache.get(guildId);
      return Boolean(guild && (await guildRole(guild, roleId)));
    },
  };
}

/** This guild's channel with this id, from the cache or else from Discord; null when the guild has none such. */
export async function guildChannel(guild: Guild, channelId: string): Promise<GuildBasedChannel | null> {
  return guild.channels.cache.get(channelId) ?? (await guild.channels.fetch(channelId).catch(absentWhenNotFound));
}

/** This guild's role with this id, from the cache or else from Discord; null when the guild has none such. */
export async function guildRole(guild: Guild, roleId: string): Promise<Role | null> {
  return guild.roles.cache.get(roleId) ?? (await guild.roles.fetch(roleId).catch(absentWhenNotFound));
}

/** Discord answers an id the bot cannot see, or another guild's channel, as not found, forbidden or not owned. */
function absentWhenNotFound(error: unknown): null {
  if (error instanceof DiscordAPIError && (error.status === NOT_FOUND || error.status === FORBIDDEN)) return null;
  if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.GuildChannelUnowned) return null;
  throw error;
}
