import type { BotContext, GuildConfigChange } from '../bot-context.ts';
import { tellOpenTickets } from './tell-open-tickets.ts';

/**
 * What follows a saved change of a guild's configuration: its open tickets are told, so they follow the settings
 * that apply to them. The commands stay as registered: `/ticket open` offers the types by autocomplete.
 */
export function guildConfigSavedBy(
  context: Pick<BotContext, 'temporal' | 'taskQueue' | 'background'>,
): BotContext['guildConfigSaved'] {
  return async ({ guild }: GuildConfigChange) => {
    tellOpenTickets(context, guild.id);
  };
}
