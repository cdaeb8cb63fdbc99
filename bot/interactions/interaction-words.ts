import { resolveLocale, type SupportedLocale } from '../../i18n/locales.ts';
import { type Translate, translator } from '../../i18n/translate.ts';

/** What an interaction says about language: the member's Discord client, and the guild's own Discord setting. */
type Spoken = { locale: string; guildLocale: string | null };

/**
 * The language one member is answered in: their Discord client's when we speak it, else the guild's chosen
 * language (its configuration), else the guild's Discord setting, else English.
 */
export function interactionLocale(interaction: Spoken, guildLanguage?: string | null): SupportedLocale {
  return resolveLocale(interaction.locale, guildLanguage, interaction.guildLocale);
}

/** The words of an answer, modal or button shown to this one member. */
export function interactionWords(interaction: Spoken, guildLanguage?: string | null): Translate {
  return translator(interactionLocale(interaction, guildLanguage));
}
