import { ChannelType } from 'discord-api-types/v10';
import type { GuildDirectory } from '../../store/guild-directory.ts';

/**
 * For fixtures whose guilds exist only in Postgres: whatever id a guild is asked about is its own text channel or
 * role. Tests of the check itself describe their guilds with fixtureGuildDirectory.
 */
export const permissiveGuildDirectory: GuildDirectory = {
  channelType: async () => ChannelType.GuildText,
  hasRole: async () => true,
};

export interface FixtureGuild {
  channels?: Record<string, ChannelType>;
  roleIds?: string[];
}

/** Guilds as a test describes them, by id; it records every question asked, to show what a save checks. */
export function fixtureGuildDirectory(guilds: Record<string, FixtureGuild>) {
  const asked: string[] = [];
  const directory: GuildDirectory = {
    async channelType(guildId, channelId) {
      asked.push(channelId);
      return guilds[guildId]?.channels?.[channelId] ?? null;
    },
    async hasRole(guildId, roleId) {
      asked.push(roleId);
      // Like Discord's, every guild has @everyone, whose id is the guild's.
      return roleId === guildId || (guilds[guildId]?.roleIds ?? []).includes(roleId);
    },
  };
  return { directory, asked };
}
