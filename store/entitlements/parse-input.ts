import type { z } from 'zod';
import { snowflake } from '../../domain/snowflake.ts';
import { InputError, zodProblems } from '../input-error.ts';

/** The parsed input, or an InputError naming `subject` and every problem, before anything is read or written. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  subject: string,
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InputError(subject, zodProblems(parsed.error, '(input)'));
  return parsed.data;
}

/** Refuses (InputError) any id in the list that is not a Discord id. */
export function checkGuildIds(guildIds: readonly string[], subject: string): void {
  const problems = guildIds.flatMap((guildId, index) =>
    snowflake.safeParse(guildId).success ? [] : [{ path: `guildIds.${index}`, message: 'must be a Discord id' }],
  );
  if (problems.length > 0) throw new InputError(subject, problems);
}
