import type { z } from 'zod';
import { type GuildConfigInput, guildConfigSchema } from '../../../../domain/guild-config.ts';
import { type SchemaReason, type SchemaReasonCode, schemaReasonOf } from '../../../../domain/schema-reason.ts';
import type { MessageKey, Translate } from '../../../../i18n/translate.ts';
import type { GuildConfigProblem } from '../../../../store/guild-config-error.ts';

/** The words of every reason the guild configuration's schema gives; the record keeps them complete. */
export const SCHEMA_REASON_KEYS: Record<SchemaReasonCode, MessageKey> = {
  discordId: 'config.problems.reason.discordId',
  ticketTypeKey: 'config.problems.reason.ticketTypeKey',
  ticketTypeKeysRepeat: 'config.problems.reason.ticketTypeKeysRepeat',
  endsBeforeStart: 'config.problems.reason.endsBeforeStart',
  dateFormat: 'config.problems.reason.dateFormat',
  notACalendarDate: 'config.problems.reason.notACalendarDate',
  timeZone: 'config.problems.reason.timeZone',
  holidaysRepeat: 'config.problems.reason.holidaysRepeat',
  labelNameCharacters: 'config.problems.reason.labelNameCharacters',
  labelColour: 'config.problems.reason.labelColour',
  labelNamesRepeat: 'config.problems.reason.labelNamesRepeat',
  categoriesRepeat: 'config.problems.reason.categoriesRepeat',
  tooShort: 'config.problems.reason.tooShort',
  tooLong: 'config.problems.reason.tooLong',
  tooSmall: 'config.problems.reason.tooSmall',
  tooBig: 'config.problems.reason.tooBig',
  tooFewEntries: 'config.problems.reason.tooFewEntries',
  tooManyEntries: 'config.problems.reason.tooManyEntries',
  wrongType: 'config.problems.reason.wrongType',
  notAnOption: 'config.problems.reason.notAnOption',
  invalid: 'config.problems.reason.invalid',
};

export const schemaReasonWords = (t: Translate, reason: SchemaReason): string =>
  t(SCHEMA_REASON_KEYS[reason.code], reason.values);

/**
 * A function giving each problem's reason in the reader's words. The store reports the schema's English (the API
 * and logs show it); checking the same input again here gives the codes behind it without the store knowing about
 * languages. A problem the schema did not raise (a channel of another server, the plan's limit) keeps its words.
 */
export function configReasonWords(t: Translate, input: GuildConfigInput): (problem: GuildConfigProblem) => string {
  const issues = guildConfigSchema.safeParse(input).error?.issues ?? [];
  return (problem) => {
    const issue = issues.find(
      (candidate) => candidate.message === problem.message && pathOf(candidate) === problem.path,
    );
    return issue ? schemaReasonWords(t, schemaReasonOf(issue)) : problem.message;
  };
}

/** The store's path of an issue; an issue about the whole input is filed under `(config)` (store/input-error.ts). */
const pathOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.') || '(config)';
