import { resolveLocale, type SupportedLocale } from '../../i18n/locales.ts';
import { type Translate, translator } from '../../i18n/translate.ts';
import type { GuildConfigRepository } from '../../store/guild-config-repository.ts';
import { withDeadline } from '../../telemetry/deadline.ts';
import { READ_WITHIN_MS } from './read-in-time.ts';

/** What an interaction says about language: the member's Discord client. */
type Spoken = { locale: string };

/**
 * The language one member is answered in: their Discord client's when Ticketflow speaks it, else the language the
 * guild chose (`/ticket-config language`, its configuration's `language`), else English. Discord's own server
 * locale is no step: a guild says which language it speaks in its configuration.
 */
export function interactionLocale(interaction: Spoken, guildLanguage: string | null | undefined): SupportedLocale {
  return resolveLocale(interaction.locale, guildLanguage);
}

/** The words of an answer, modal or button shown to this one member. */
export function interactionWords(interaction: Spoken, guildLanguage: string | null | undefined): Translate {
  return translator(interactionLocale(interaction, guildLanguage));
}

/**
 * The member's words where the handler has not read the guild's configuration: its language is read within
 * `withinMs` (less before a modal, which must be the first answer within Discord's 3 seconds). A guild that is not
 * set up, no guild (a direct message), or a database that does not answer in time leave the member's client
 * language, else English: a slow read must not cost the answer.
 */
export async function memberWords(
  interaction: Spoken,
  services: { guildConfigs: Pick<GuildConfigRepository, 'loadGuildConfig'> },
  guildId: string | null,
  withinMs = READ_WITHIN_MS,
): Promise<Translate> {
  const config = guildId
    ? await withDeadline(services.guildConfigs.loadGuildConfig(guildId), withinMs).catch(() => null)
    : null;
  return interactionWords(interaction, config?.language);
}
