import type { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type { GuildConfig } from '../../domain/guild-config.ts';
import { ticketCommandData } from './ticket-command-data.ts';

/**
 * Puts this guild's `/ticket` in place with one request (a bulk overwrite, so each guild has exactly this one
 * command), through the bot's REST client: the bot's own (discord.js `client.rest`) or one made with its token.
 * Guild commands show up at once, where global ones take up to an hour; and they can carry the guild's own types.
 */
export async function registerTicketCommand(
  rest: REST,
  target: { applicationId: string; guildId: string },
  config: Pick<GuildConfig, 'ticketTypes'> | null,
): Promise<void> {
  await rest.put(Routes.applicationGuildCommands(target.applicationId, target.guildId), {
    body: [ticketCommandData(config?.ticketTypes ?? []).toJSON()],
  });
}

/** Whether a configuration change alters what `/ticket open` offers. */
export function ticketTypesChanged(
  before: Pick<GuildConfig, 'ticketTypes'> | null,
  after: Pick<GuildConfig, 'ticketTypes'>,
): boolean {
  const offered = (config: Pick<GuildConfig, 'ticketTypes'> | null) =>
    JSON.stringify((config?.ticketTypes ?? []).map((type) => [type.key, type.name]));
  return offered(before) !== offered(after);
}
