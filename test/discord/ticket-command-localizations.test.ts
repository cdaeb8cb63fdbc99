import type { APIApplicationCommandOption, LocalizationMap } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { guildCommandsBody } from '../../discord/ticket-command/register-ticket-command.ts';
import { DISCORD_LOCALES_OF, SUPPORTED_LOCALES } from '../../i18n/locales.ts';

/** Discord's rule for command and option names, in every locale (its API docs, "Application Command Naming"). */
const NAME_RULE = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const DISCORD_LOCALES = SUPPORTED_LOCALES.flatMap((locale) => DISCORD_LOCALES_OF[locale]);
const TRANSLATED_LOCALES = SUPPORTED_LOCALES.filter((locale) => locale !== 'en').flatMap(
  (locale) => DISCORD_LOCALES_OF[locale],
);

interface Named {
  name: string;
  name_localizations?: LocalizationMap | null;
  description: string;
  description_localizations?: LocalizationMap | null;
  options?: APIApplicationCommandOption[];
  choices?: { name: string; name_localizations?: LocalizationMap | null; value: string | number }[];
}

const commands = guildCommandsBody() as Named[];

/** The command and every group, subcommand and option under it, each with the path Discord shows. */
function everyLevel(named: Named, path = '/'): { path: string; named: Named; children: Named[] }[] {
  const children = (named.options ?? []) as Named[];
  const here = `${path}${named.name}`;
  return [{ path: here, named, children }, ...children.flatMap((child) => everyLevel(child, `${here} `))];
}

/** The name a member with this Discord locale sees: its localization, or the English default. */
const nameIn = (named: Named, locale: string) =>
  named.name_localizations?.[locale as keyof LocalizationMap] ?? named.name;

describe('/ticket and /ticket-config localizations', () => {
  const levels = commands.flatMap((command) => everyLevel(command));

  it('names and describes the command, every subcommand and every option in each supported language', () => {
    for (const { path, named } of levels) {
      for (const locale of TRANSLATED_LOCALES) {
        expect(named.name_localizations?.[locale as keyof LocalizationMap], `${path} name in ${locale}`).toBeTruthy();
        expect(
          named.description_localizations?.[locale as keyof LocalizationMap],
          `${path} description in ${locale}`,
        ).toBeTruthy();
      }
    }
  });

  it("keeps every name, in every locale, to Discord's naming rule: lowercase letters, digits, - and _, up to 32", () => {
    for (const { path, named } of levels) {
      for (const locale of DISCORD_LOCALES) {
        const name = nameIn(named, locale);
        expect(name, `${path} in ${locale}`).toMatch(NAME_RULE);
        expect(name, `${path} in ${locale} is not lowercase`).toBe(name.toLocaleLowerCase(locale));
      }
    }
  });

  it('keeps every description, in every locale, between 1 and 100 characters', () => {
    for (const { path, named } of levels) {
      for (const description of [named.description, ...Object.values(named.description_localizations ?? {})]) {
        expect(description?.length, `${path}: ${description}`).toBeGreaterThanOrEqual(1);
        expect(description?.length, `${path}: ${description}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it('keeps names unique among their siblings in every locale, so no two subcommands or options collide', () => {
    for (const { path, children } of levels) {
      if (children.length === 0) continue;
      for (const locale of DISCORD_LOCALES) {
        const names = children.map((child) => nameIn(child, locale));
        expect(new Set(names).size, `under ${path} in ${locale}: ${names.join(', ')}`).toBe(names.length);
      }
    }
  });

  it('localizes the choices the bot offers, keeping the values it reads', () => {
    const notifications = levels.find(({ path }) => path === '/ticket-config notifications state')?.named;
    const choices = notifications?.choices ?? [];
    expect(choices.map((choice) => [choice.value, choice.name, choice.name_localizations?.de])).toEqual([
      ['on', 'on', 'an'],
      ['off', 'off', 'aus'],
    ]);
    const german = levels.find(({ path }) => path === '/ticket close')?.named;
    expect(german?.name_localizations?.de).toBe('schließen');
    expect(german?.description_localizations?.['pt-BR']).toBe('Fechar um ticket (quem o abriu ou a equipe)');
  });
});
