import type { Guild } from 'discord.js';
import { registerTicketCommands } from '../../discord/ticket-command/register-ticket-command.ts';

/** Puts this guild's `/ticket` and `/ticket-config` in place through the bot's own REST client (its rate limits). */
export function registerGuildTicketCommands(guild: Guild): Promise<void> {
  return registerTicketCommands(guild.client.rest, { applicationId: guild.client.application.id, guildId: guild.id });
}
