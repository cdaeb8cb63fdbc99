/**
 * The languages Ticketflow speaks, and how a Discord locale maps onto them. Discord sends the member's client
 * language with every interaction (`en-US`, `de`, `es-419`, `pt-BR`, …); text goes out in that language when it is
 * supported, else in the guild's language, else in English.
 */
export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'pt-BR'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'en';

/** Discord's own locale codes for each supported language, used for command name and description localizations. */
export const DISCORD_LOCALES_OF: Record<SupportedLocale, readonly string[]> = {
  en: ['en-US', 'en-GB'],
  de: ['de'],
  fr: ['fr'],
  es: ['es-ES', 'es-419'],
  'pt-BR': ['pt-BR'],
};

const byDiscordLocale = new Map<string, SupportedLocale>(
  SUPPORTED_LOCALES.flatMap((locale) => DISCORD_LOCALES_OF[locale].map((tag) => [tag.toLowerCase(), locale] as const)),
);

/** The supported language a locale tag names (`es-419` → `es`, `en-GB` → `en`), or null when none fits. */
export function supportedLocaleOf(tag: string | null | undefined): SupportedLocale | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  const exact = byDiscordLocale.get(lower) ?? SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  if (language === 'pt') return 'pt-BR';
  return SUPPORTED_LOCALES.find((locale) => locale === language) ?? null;
}

/** The first candidate that is supported (the interaction's locale, then the guild's language), else English. */
export function resolveLocale(...candidates: (string | null | undefined)[]): SupportedLocale {
  for (const candidate of candidates) {
    const locale = supportedLocaleOf(candidate);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
