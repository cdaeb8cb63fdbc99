import type { AutocompleteInteraction } from 'discord.js';
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { TicketType } from '../../../domain/guild-config.ts';
import type { BotContext } from '../../bot-context.ts';

/** Discord shows at most 25 suggestions, each named in up to 100 characters. */
const MAX_SUGGESTIONS = 25;
const MAX_SUGGESTION_NAME = 100;

/**
 * The guild's types that match what the member typed so far (in the key or the name, case-insensitive), those
 * starting with it first, in the guild's order otherwise; each named as members see it, its description after it.
 */
export function ticketTypeSuggestions(
  types: readonly Pick<TicketType, 'key' | 'name' | 'description'>[],
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const wanted = typed.trim().toLowerCase();
  const matching = types.filter((type) => type.key.includes(wanted) || type.name.toLowerCase().includes(wanted));
  const startsWith = (type: (typeof types)[number]) =>
    type.key.startsWith(wanted) || type.name.toLowerCase().startsWith(wanted);
  return [...matching.filter(startsWith), ...matching.filter((type) => !startsWith(type))]
    .slice(0, MAX_SUGGESTIONS)
    .map((type) => ({ name: suggestionName(type), value: type.key }));
}

function suggestionName(type: Pick<TicketType, 'name' | 'description'>): string {
  const named = type.description ? `${type.name} — ${type.description}` : type.name;
  return named.length <= MAX_SUGGESTION_NAME ? named : `${named.slice(0, MAX_SUGGESTION_NAME - 1)}…`;
}

/**
 * The answer to every option that names one of the guild's types (`/ticket open`, `/ticket move`, the type options
 * of `/ticket-config`): its types matching what was typed. The command still checks the value sent, which may be
 * any text.
 */
export async function suggestTicketTypes(
  interaction: AutocompleteInteraction<'cached'>,
  context: BotContext,
): Promise<void> {
  const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
  await interaction.respond(ticketTypeSuggestions(config?.ticketTypes ?? [], interaction.options.getFocused()));
}
