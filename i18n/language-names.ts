import type { SupportedLocale } from './locales.ts';

/** Each language as its speakers call it: how a language is offered in a choice, whatever the reader's language. */
export const LANGUAGE_NAMES: Record<SupportedLocale, string> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
};
