import { ticketTypesChanged } from '../../discord/ticket-command/register-ticket-command.ts';
import type { BotContext, GuildConfigChange } from '../bot-context.ts';
import { registerGuildTicketCommand } from '../commands/register-ticket-command.ts';
import { logFailure } from '../replies.ts';
import { tellOpenTickets } from './tell-open-tickets.ts';

/**
 * What follows a saved change of a guild's configuration: its open tickets are told, so they follow the settings
 * that apply to them; and `/ticket open` offers the guild's types, so a change of them registers the command again.
 * A failure is logged, not answered: the change is saved whatever follows.
 */
export function guildConfigSavedBy(
  context: Pick<BotContext, 'temporal' | 'taskQueue' | 'background'>,
): BotContext['guildConfigSaved'] {
  return async ({ guild, before, saved }: GuildConfigChange) => {
    tellOpenTickets(context, guild.id);
    if (!ticketTypesChanged(before, saved)) return;
    await registerGuildTicketCommand(guild, saved).catch((error: unknown) =>
      logFailure(`could not refresh /ticket in guild ${guild.id}`, error),
    );
  };
}
