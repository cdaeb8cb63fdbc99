import type { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { ticketCommandData } from './ticket-command-data.ts';
import { ticketConfigCommandData } from './ticket-config-command-data.ts';

/** The guild commands the bot registers: `/ticket` and `/ticket-config`, as Discord receives them. */
export function guildCommandsBody() {
  return [ticketCommandData().toJSON(), ticketConfigCommandData().toJSON()];
}

/**
 * Puts this guild's `/ticket` and `/ticket-config` in place with one request: a bulk overwrite, so the guild has
 * exactly these commands and an older shape (`/ticket-config …`) is removed. Through the bot's REST client: the
 * bot's own (discord.js `client.rest`) or one made with its token. Guild commands show up at once, where global
 * ones take up to an hour.
 */
export async function registerTicketCommands(
  rest: REST,
  target: { applicationId: string; guildId: string },
): Promise<void> {
  await rest.put(Routes.applicationGuildCommands(target.applicationId, target.guildId), { body: guildCommandsBody() });
}
