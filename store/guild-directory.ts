import type { ChannelType } from 'discord-api-types/v10';

/**
 * What a guild has on Discord, asked before its settings are saved, so that a writer can only name the guild's
 * own channels and roles. Each process answers from what it has: the bot from its gateway cache
 * (bot/gateway-guild-directory.ts), processes without a gateway through Discord's REST API
 * (rest-guild-directory.ts).
 */
export interface GuildDirectory {
  /** Discord's type of this guild's channel with this id; null when the guild has no such channel. */
  channelType(guildId: string, channelId: string): Promise<ChannelType | null>;
  /** Whether this guild has a role with this id (@everyone's id is the guild's own). */
  hasRole(guildId: string, roleId: string): Promise<boolean>;
}
