import type { SupportedLocale } from '../locales.ts';

/**
 * One namespace's messages in every supported language: ICU MessageFormat strings keyed like the English file.
 * The type refuses a language that misses a key; test/i18n/catalogues.test.ts also checks placeholders and plurals.
 */
export type NamespaceCatalogue<English extends Record<string, string>> = {
  [Locale in SupportedLocale]: Record<keyof English, string>;
};
