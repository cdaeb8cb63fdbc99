import type { z } from 'zod';

/** The reasons the guild configuration's schema gives beyond zod's own checks, named for the catalogues. */
export const CUSTOM_REASON_CODES = [
  'discordId',
  'ticketTypeKey',
  'ticketTypeKeysRepeat',
  'endsBeforeStart',
  'dateFormat',
  'notACalendarDate',
  'timeZone',
  'holidaysRepeat',
  'labelNameCharacters',
  'labelColour',
  'labelNamesRepeat',
  'categoriesRepeat',
] as const;
export type CustomReasonCode = (typeof CUSTOM_REASON_CODES)[number];

/** Zod's own checks as the schema uses them, by what they check; `invalid` is any other. */
export const ZOD_REASON_CODES = [
  'tooShort',
  'tooLong',
  'tooSmall',
  'tooBig',
  'tooFewEntries',
  'tooManyEntries',
  'wrongType',
  'notAnOption',
  'invalid',
] as const;
export type SchemaReasonCode = CustomReasonCode | (typeof ZOD_REASON_CODES)[number];

export type ReasonValues = Record<string, string | number>;

/** Why a schema refused a value, as a stable code and the limits it names (read from the schema, not restated). */
export interface SchemaReason {
  code: SchemaReasonCode;
  values: ReasonValues;
}

/**
 * A refinement's options: the English words the API and logs show, and the code and values a translator words it
 * by. The words stay on the schema so its users that speak no other language need nothing else.
 */
export function customReason(code: CustomReasonCode, english: string, values: ReasonValues = {}) {
  return { message: english, params: { reason: code, values } };
}

const isCustomReasonCode = (code: unknown): code is CustomReasonCode =>
  CUSTOM_REASON_CODES.includes(code as CustomReasonCode);

const BY_ORIGIN = {
  too_small: { string: 'tooShort', array: 'tooFewEntries', other: 'tooSmall' },
  too_big: { string: 'tooLong', array: 'tooManyEntries', other: 'tooBig' },
} as const;

/** The code and values of one zod issue of a schema built with customReason. */
export function schemaReasonOf(issue: z.core.$ZodIssue): SchemaReason {
  switch (issue.code) {
    case 'custom': {
      const reason: unknown = issue.params?.reason;
      return isCustomReasonCode(reason)
        ? { code: reason, values: (issue.params?.values as ReasonValues | undefined) ?? {} }
        : { code: 'invalid', values: {} };
    }
    case 'too_small':
      return { code: byOrigin('too_small', issue.origin), values: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return { code: byOrigin('too_big', issue.origin), values: { maximum: Number(issue.maximum) } };
    case 'invalid_type':
      return { code: 'wrongType', values: { expected: issue.expected } };
    case 'invalid_value':
      return { code: 'notAnOption', values: { options: issue.values.map(String).join(', ') } };
    default:
      return { code: 'invalid', values: {} };
  }
}

function byOrigin(code: keyof typeof BY_ORIGIN, origin: string): SchemaReasonCode {
  return origin === 'string' || origin === 'array' ? BY_ORIGIN[code][origin] : BY_ORIGIN[code].other;
}
