import type { APIApplicationCommandOptionChoice, LocalizationMap } from 'discord-api-types/v10';
import { DEFAULT_LOCALE, DISCORD_LOCALES_OF, SUPPORTED_LOCALES } from './locales.ts';
import { type MessageKey, type MessageValues, translate } from './translate.ts';

/** A catalogue prefix with both `<prefix>.name` and `<prefix>.description`: what a command or an option is called. */
export type CommandTextKey = PrefixOfName<MessageKey>;
type PrefixOfName<Key> = Key extends `${infer Prefix}.name`
  ? `${Prefix}.description` extends MessageKey
    ? Prefix
    : never
  : never;

/** Anything Discord names and describes: the command, a subcommand group, a subcommand, an option. */
interface NamedAndDescribed {
  setName(name: string): this;
  setNameLocalizations(localizations: LocalizationMap | null): this;
  setDescription(description: string): this;
  setDescriptionLocalizations(localizations: LocalizationMap | null): this;
}

/**
 * The message in every supported language but English, under each of Discord's locale codes for it (`es` goes
 * out as both `es-ES` and `es-419`). English is the command's default text, which every other locale falls back to.
 */
export function discordLocalizations(key: MessageKey, values?: MessageValues): LocalizationMap {
  const map: LocalizationMap = {};
  for (const locale of SUPPORTED_LOCALES) {
    if (locale === DEFAULT_LOCALE) continue;
    const text = translate(locale, key, values);
    for (const discordLocale of DISCORD_LOCALES_OF[locale]) map[discordLocale as keyof LocalizationMap] = text;
  }
  return map;
}

/**
 * Names and describes a command, group, subcommand or option from `<prefix>.name` and `<prefix>.description`, in
 * English and every language's localization. `values` fill the description's placeholders (ranges, limits).
 * Discord sends back the English name whatever the member's language, so the bot keeps matching English names.
 */
export function localizedCommandText<Builder extends NamedAndDescribed>(
  builder: Builder,
  prefix: CommandTextKey,
  values?: MessageValues,
): Builder {
  const name = `${prefix}.name` as MessageKey;
  const description = `${prefix}.description` as MessageKey;
  return builder
    .setName(translate(DEFAULT_LOCALE, name))
    .setNameLocalizations(discordLocalizations(name))
    .setDescription(translate(DEFAULT_LOCALE, description, values))
    .setDescriptionLocalizations(discordLocalizations(description, values));
}

/** A string option's choice: its English name from the catalogue, localized, and the value the bot receives. */
export function localizedChoice(key: MessageKey, value: string): APIApplicationCommandOptionChoice<string> {
  return { name: translate(DEFAULT_LOCALE, key), name_localizations: discordLocalizations(key), value };
}
