import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { namespaces } from './catalogues/index.ts';
import { DEFAULT_LOCALE, type SupportedLocale } from './locales.ts';

type Namespaces = typeof namespaces;
/** `namespace.key` for every English message: a key that does not exist does not compile. */
export type MessageKey = {
  [Namespace in keyof Namespaces & string]: `${Namespace}.${keyof Namespaces[Namespace]['en'] & string}`;
}[keyof Namespaces & string];
export type MessageValues = Record<string, PrimitiveType>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

const compiled = new Map<string, IntlMessageFormat>();

function sourceOf(locale: SupportedLocale, key: MessageKey): string {
  const dot = key.indexOf('.');
  const namespace = namespaces[key.slice(0, dot) as keyof Namespaces] as Record<string, Record<string, string>>;
  const name = key.slice(dot + 1);
  const message = namespace[locale]?.[name] ?? namespace[DEFAULT_LOCALE]?.[name];
  if (message === undefined) throw new Error(`No message ${key}`);
  return message;
}

/** The message in this language with its placeholders filled and its plurals chosen by the language's rules. */
export function translate(locale: SupportedLocale, key: MessageKey, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(sourceOf(locale, key), locale, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/** A translate function bound to one language: what a reply, notice or page is rendered with. */
export function translator(locale: SupportedLocale): Translate {
  return (key, values) => translate(locale, key, values);
}
