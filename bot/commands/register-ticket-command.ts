import type { Guild } from 'discord.js';
import { registerTicketCommand } from '../../discord/ticket-command/register-ticket-command.ts';
import type { GuildConfig } from '../../domain/guild-config.ts';

/** Puts this guild's `/ticket` in place through the bot's own REST client (its queue and rate-limit state). */
export function registerGuildTicketCommand(guild: Guild, config: GuildConfig | null): Promise<void> {
  return registerTicketCommand(
    guild.client.rest,
    { applicationId: guild.client.application.id, guildId: guild.id },
    config,
  );
}
