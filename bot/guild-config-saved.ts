import type { GuildConfigChange } from './bot-context.ts';
import { registerTicketCommand, ticketTypesChanged } from './commands/register-ticket-command.ts';
import { logFailure } from './replies.ts';

/**
 * What follows a saved change of a guild's configuration: `/ticket open` offers the guild's types, so a change of
 * them registers the command again. A failure is logged, not answered: the change is saved, and the command keeps
 * offering the old list until the bot restarts.
 */
export async function guildConfigSaved({ guild, before, saved }: GuildConfigChange): Promise<void> {
  if (!ticketTypesChanged(before, saved)) return;
  await registerTicketCommand(guild, saved).catch((error: unknown) =>
    logFailure(`could not refresh /ticket in guild ${guild.id}`, error),
  );
}
