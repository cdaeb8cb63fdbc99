import type { z } from 'zod';
import { snowflake } from '../domain/snowflake.ts';
import { InputError, type InputProblem, zodProblems } from './input-error.ts';
import { CursorRejected, decodeCursor, type KeysetPosition } from './keyset-cursor.ts';

export interface ListInputSpec<Query extends { cursor?: string | undefined; creator?: string | undefined }> {
  /** Names the input in the InputError's message, e.g. 'ticket list query'. */
  subject: string;
  schema: z.ZodType<Query>;
  guildId: string;
  /** A member's own view: only what they created, and a creator filter naming someone else is refused. */
  memberId?: string | undefined;
  /** Why a member's creator filter naming someone else is refused. */
  memberRefusal: string;
  input: { creator?: string | undefined };
  /** The ordering a cursor must have been issued for. */
  orderingOf(query: Query): string;
  /** Whether a cursor's key has the type this query's sort key has (a checked cursor may still be old). */
  keyIsValid(query: Query, key: string | number): boolean;
}

export interface ParsedListInput<Query> {
  query: Query;
  /** Where the page starts: after this row; null for the first page. */
  after: KeysetPosition | null;
}

/**
 * Validates a keyset-paged list's input alike for every list: the guild id, the member id of a member's view, the
 * query's fields, then its cursor; throws every problem at once as an InputError.
 */
export function parseListInput<Query extends { cursor?: string | undefined; creator?: string | undefined }>(
  spec: ListInputSpec<Query>,
): ParsedListInput<Query> {
  const problems: InputProblem[] = [];
  checkId(spec.guildId, 'guildId', problems);
  if (spec.memberId !== undefined) {
    checkId(spec.memberId, 'memberId', problems);
    if (spec.input.creator !== undefined && spec.input.creator !== spec.memberId) {
      problems.push({ path: 'creator', message: spec.memberRefusal });
    }
  }
  const parsed = spec.schema.safeParse(spec.input);
  if (!parsed.success) problems.push(...zodProblems(parsed.error, '(query)'));
  let after: KeysetPosition | null = null;
  if (parsed.success && parsed.data.cursor !== undefined) {
    try {
      after = decodeCursor(parsed.data.cursor, spec.orderingOf(parsed.data));
      if (!spec.keyIsValid(parsed.data, after.key)) {
        throw new CursorRejected('holds a position of the wrong type; start again without a cursor');
      }
    } catch (error) {
      if (!(error instanceof CursorRejected)) throw error;
      problems.push({ path: 'cursor', message: error.message });
    }
  }
  if (!parsed.success || problems.length > 0) throw new InputError(spec.subject, problems);
  const query = spec.memberId === undefined ? parsed.data : { ...parsed.data, creator: spec.memberId };
  return { query, after };
}

/** A cursor key that is an instant. */
export function isInstantKey(key: string | number): boolean {
  return typeof key === 'string' && !Number.isNaN(Date.parse(key));
}

function checkId(id: string, path: string, problems: InputProblem[]): void {
  const parsed = snowflake.safeParse(id);
  if (!parsed.success) problems.push({ path, message: parsed.error.issues[0]?.message ?? 'invalid' });
}
