import type { Guild } from 'discord.js';
import type { GuildConfig } from '../../domain/guild-config.ts';
import { ticketCommandData } from './index.ts';

/**
 * Puts this guild's `/ticket` in place (a bulk overwrite, so each guild has exactly this one command). Guild
 * commands show up at once, where global ones take up to an hour; and they can carry the guild's own types.
 */
export async function registerTicketCommand(guild: Guild, config: GuildConfig | null): Promise<void> {
  await guild.commands.set([ticketCommandData(config?.ticketTypes ?? []).toJSON()]);
}

/** Whether a configuration change alters what `/ticket open` offers. */
export function ticketTypesChanged(before: GuildConfig | null, after: GuildConfig): boolean {
  const offered = (config: GuildConfig | null) =>
    JSON.stringify((config?.ticketTypes ?? []).map((type) => [type.key, type.name]));
  return offered(before) !== offered(after);
}
