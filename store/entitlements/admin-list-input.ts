import { z } from 'zod';
import { InputError, type InputProblem, zodProblems } from '../input-error.ts';
import { CursorRejected, decodeCursor, type KeysetPosition } from '../keyset-cursor.ts';
import { isInstantKey } from '../list-input.ts';

export const MAX_ADMIN_PAGE_SIZE = 100;

/** The paging fields every admin list takes, as a query string carries them. */
export const adminPageFields = {
  limit: z.coerce.number().int().min(1).max(MAX_ADMIN_PAGE_SIZE).default(25),
  /** `nextCursor` of the previous page of the same list. */
  cursor: z.string().min(1).optional(),
};

/**
 * Validates an admin list's query and its cursor together (InputError naming every problem). `ordering` names the
 * list; a cursor of another list, or one whose key is not an instant, is refused by name.
 */
export function parseAdminListInput<Query extends { cursor?: string | undefined }>(
  schema: z.ZodType<Query>,
  input: unknown,
  subject: string,
  ordering: string,
  keyIsValid: (key: string | number) => boolean = isInstantKey,
): { query: Query; after: KeysetPosition | null } {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new InputError(subject, zodProblems(parsed.error, '(query)'));
  if (parsed.data.cursor === undefined) return { query: parsed.data, after: null };
  const problems: InputProblem[] = [];
  let after: KeysetPosition | null = null;
  try {
    after = decodeCursor(parsed.data.cursor, ordering);
    if (!keyIsValid(after.key)) {
      throw new CursorRejected('holds a position of the wrong type; start again without a cursor');
    }
  } catch (error) {
    if (!(error instanceof CursorRejected)) throw error;
    problems.push({ path: 'cursor', message: error.message });
  }
  if (problems.length > 0 || after === null) throw new InputError(subject, problems);
  return { query: parsed.data, after };
}
