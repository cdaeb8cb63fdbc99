import { REST } from '@discordjs/rest';
import { type APIGuild, type RESTGetAPIGuildChannelsResult, Routes } from 'discord-api-types/v10';
import { discordApiRoot } from '../config/discord-api.ts';
import type { GuildDirectory } from './guild-directory.ts';

export interface RestGuildDirectoryOptions {
  /** The bot token, without the "Bot " prefix. */
  token: string;
  /** Like DISCORD_API_BASE_URL: `https://discord.com/api`, with or without `/v10`. */
  apiBaseUrl: string;
}

/**
 * A GuildDirectory read from Discord's REST API with the bot token, for writers without a gateway cache (the web
 * process, the demo seeding). Every answer is one request, so it is never stale: the guild's channel list (all of
 * them, whatever the bot may see in each), or the guild itself, which carries its roles.
 */
export function createRestGuildDirectory(options: RestGuildDirectoryOptions): GuildDirectory {
  const rest = new REST({ api: discordApiRoot(options.apiBaseUrl), version: '10' }).setToken(options.token);
  return {
    async channelType(guildId, channelId) {
      const channels = (await rest.get(Routes.guildChannels(guildId))) as RESTGetAPIGuildChannelsResult;
      return channels.find((channel) => channel.id === channelId)?.type ?? null;
    },
    async hasRole(guildId, roleId) {
      const guild = (await rest.get(Routes.guild(guildId))) as APIGuild;
      return guild.roles.some((role) => role.id === roleId);
    },
  };
}
