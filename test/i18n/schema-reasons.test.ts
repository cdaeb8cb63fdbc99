import { describe, expect, it } from 'vitest';
import { SCHEMA_REASON_KEYS, schemaReasonWords } from '../../bot/commands/ticket/config/schema-reason-words.ts';
import { GUILD_CONFIG_LIMITS, type GuildConfigInput, guildConfigSchema } from '../../domain/guild-config.ts';
import {
  CUSTOM_REASON_CODES,
  type SchemaReason,
  schemaReasonOf,
  ZOD_REASON_CODES,
} from '../../domain/schema-reason.ts';
import { namespaces } from '../../i18n/catalogues/index.ts';
import { SUPPORTED_LOCALES } from '../../i18n/locales.ts';
import { translator } from '../../i18n/translate.ts';

const CHANNEL = '100000000000000001';
const type = { key: 'support', name: 'Support' };
const valid: GuildConfigInput = { ticketChannelId: CHANNEL, ticketTypes: [type] };

/** Inputs the schema refuses, together giving every reason it has. */
const refused: Record<string, GuildConfigInput> = {
  discordId: { ...valid, ticketChannelId: '42' },
  ticketTypeKey: { ...valid, ticketTypes: [{ ...type, key: 'Bad Key' }] },
  ticketTypeKeysRepeat: { ...valid, ticketTypes: [type, type] },
  endsBeforeStart: { ...valid, supportHours: { windows: [{ day: 1, start: 600, end: 540 }] } },
  dateFormat: { ...valid, supportHours: { holidays: ['24.12.2026'] } },
  notACalendarDate: { ...valid, supportHours: { holidays: ['2026-02-30'] } },
  timeZone: { ...valid, supportHours: { timeZone: 'Mars/Olympus' } },
  holidaysRepeat: { ...valid, supportHours: { holidays: ['2026-12-24', '2026-12-24'] } },
  labelNameCharacters: { ...valid, labels: [{ name: 'a,b' }] },
  labelColour: { ...valid, labels: [{ name: 'bug', color: 'red' }] },
  labelNamesRepeat: { ...valid, labels: [{ name: 'Bug' }, { name: 'bug' }] },
  categoriesRepeat: { ...valid, ticketCategoryIds: [CHANNEL, CHANNEL] },
  tooShort: { ...valid, ticketTypes: [{ ...type, name: ' ' }] },
  tooLong: { ...valid, ticketTypes: [{ ...type, name: 'n'.repeat(GUILD_CONFIG_LIMITS.ticketTypeNameLength + 1) }] },
  tooSmall: { ...valid, openLimitPerMember: 0 },
  tooBig: { ...valid, reopenWindowDays: GUILD_CONFIG_LIMITS.reopenWindowDays.max + 1 },
  tooFewEntries: { ...valid, ticketTypes: [] },
  tooManyEntries: { ...valid, staffRoleIds: Array.from({ length: GUILD_CONFIG_LIMITS.staffRoles + 1 }, () => CHANNEL) },
  wrongType: { ...valid, openCooldownSeconds: 1.5 },
  notAnOption: { ...valid, language: 'tlh' as GuildConfigInput['language'] },
};

function reasonsOf(input: GuildConfigInput): SchemaReason[] {
  return (guildConfigSchema.safeParse(input).error?.issues ?? []).map(schemaReasonOf);
}

describe("the guild configuration schema's reasons", () => {
  it('each come with a code of their own from a real refused input', () => {
    for (const [code, input] of Object.entries(refused)) {
      expect(
        reasonsOf(input).map((reason) => reason.code),
        code,
      ).toContain(code);
    }
    const produced = new Set(Object.values(refused).flatMap((input) => reasonsOf(input).map((reason) => reason.code)));
    expect([...CUSTOM_REASON_CODES].filter((code) => !produced.has(code))).toEqual([]);
  });

  it('have words in every language for every code, the limits read from the schema', () => {
    for (const code of [...CUSTOM_REASON_CODES, ...ZOD_REASON_CODES]) {
      for (const locale of SUPPORTED_LOCALES) {
        const key = SCHEMA_REASON_KEYS[code].replace(/^config\./, '');
        expect((namespaces.config[locale] as Record<string, string>)[key], `${code} in ${locale}`).toBeTruthy();
      }
    }
    const english = translator('en');
    for (const [code, input] of Object.entries(refused)) {
      const reason = reasonsOf(input).find((candidate) => candidate.code === code) as SchemaReason;
      for (const locale of SUPPORTED_LOCALES) {
        const words = schemaReasonWords(translator(locale), reason);
        expect(words, `${code} in ${locale}`).not.toMatch(/[{}]/);
        if (locale !== 'en') expect(words, `${code} in ${locale}`).not.toBe(schemaReasonWords(english, reason));
        // "at least 1 character" reads "must not be empty"; every other limit is named.
        for (const value of Object.values(reason.values).filter((value) => typeof value === 'number' && value > 1)) {
          expect(words, `${code} in ${locale}`).toContain(String(value));
        }
      }
    }
  });

  it('keep their English for the API and logs, with the limits the schema enforces', () => {
    const [keyIssue] = guildConfigSchema.safeParse(refused.ticketTypeKey).error?.issues ?? [];
    if (!keyIssue) throw new Error('the key was not refused');
    expect(keyIssue.message).toBe(
      `must be 1 to ${GUILD_CONFIG_LIMITS.ticketTypeKeyLength} lowercase letters, digits or dashes`,
    );
    expect(schemaReasonWords(translator('de'), schemaReasonOf(keyIssue))).toBe(
      `muss aus 1 bis ${GUILD_CONFIG_LIMITS.ticketTypeKeyLength} Kleinbuchstaben, Ziffern oder Bindestrichen bestehen`,
    );
  });
});
