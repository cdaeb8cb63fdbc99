import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { namespaces } from '../../i18n/catalogues/index.ts';
import { SUPPORTED_LOCALES } from '../../i18n/locales.ts';
import { type MessageKey, translate } from '../../i18n/translate.ts';

type Placeholder = `${string}:${string}`;

/** Every placeholder a message uses, with its kind (`count:plural`, `name:argument`), nested branches included. */
function placeholdersOf(elements: MessageFormatElement[], found = new Set<Placeholder>()): Set<Placeholder> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      placeholdersOf(element.children, found);
      continue;
    }
    found.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) placeholdersOf(option.value, found);
    }
  }
  return found;
}

function pluralsOf(elements: MessageFormatElement[]): string[][] {
  return elements.flatMap((element) =>
    element.type === TYPE.plural || element.type === TYPE.select
      ? [
          ...(element.type === TYPE.plural ? [Object.keys(element.options)] : []),
          ...Object.values(element.options).flatMap((option) => pluralsOf(option.value)),
        ]
      : [],
  );
}

const sampleValue = (placeholder: Placeholder) => {
  const [name, kind] = placeholder.split(':') as [string, string];
  if (kind === 'plural' || kind === 'number') return [name, 3] as const;
  if (kind === 'date' || kind === 'time') return [name, Date.UTC(2026, 11, 6, 12)] as const;
  return [name, `‹${name}›`] as const;
};

describe('message catalogues', () => {
  for (const [namespace, catalogue] of Object.entries(namespaces)) {
    const english = catalogue.en as Record<string, string>;
    for (const locale of SUPPORTED_LOCALES) {
      const messages = catalogue[locale] as Record<string, string>;
      it(`${namespace} in ${locale} has every English key and no other`, () => {
        expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      });
      it(`${namespace} in ${locale} uses the same placeholders as English, with an "other" plural everywhere`, () => {
        for (const [key, source] of Object.entries(english)) {
          const message = messages[key] ?? '';
          expect(message.trim(), `${namespace}.${key} is empty in ${locale}`).not.toBe('');
          const elements = parse(message, { ignoreTag: true });
          expect([...placeholdersOf(elements)].sort(), `${namespace}.${key} in ${locale}`).toEqual(
            [...placeholdersOf(parse(source, { ignoreTag: true }))].sort(),
          );
          for (const options of pluralsOf(elements))
            expect(options, `${namespace}.${key} in ${locale}`).toContain('other');
          const values = Object.fromEntries([...placeholdersOf(elements)].map(sampleValue));
          expect(translate(locale, `${namespace}.${key}` as MessageKey, values)).not.toMatch(/\{|\}/);
        }
      });
    }
  }
});
