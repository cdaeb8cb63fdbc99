import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Where the next page of a keyset-paginated list starts: the last row's sort key and id, and the list and sort
 * it was issued for. Opaque to clients (base64url JSON plus a checksum), so that an edited or truncated cursor is
 * refused by name instead of silently starting elsewhere. The checksum is not a secret: a cursor is only a
 * position, and which guild and whose tickets a list reads always comes from the server, never from the cursor.
 */
export interface KeysetPosition {
  /** Which list and ordering issued it, e.g. `tickets:opened:desc`. */
  ordering: string;
  /** The last row's sort key: an ISO timestamp or a number. */
  key: string | number;
  /** The last row's id, which breaks ties between equal keys. */
  id: string;
}

const CHECKSUM_BYTES = 12;

const positionSchema = z.object({
  ordering: z.string(),
  key: z.union([z.string(), z.number()]),
  id: z.string(),
});

export class CursorRejected extends Error {
  override name = 'CursorRejected';
}

export function encodeCursor(position: KeysetPosition): string {
  const body = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${body}.${checksum(body)}`;
}

/** The position a cursor holds; CursorRejected (with a message for the client) when damaged or for another ordering. */
export function decodeCursor(cursor: string, ordering: string): KeysetPosition {
  const [body, sum, ...rest] = cursor.split('.');
  if (!body || !sum || rest.length > 0 || sum !== checksum(body)) {
    throw new CursorRejected('is not a cursor this list issued (damaged or edited); start again without one');
  }
  let position: z.infer<typeof positionSchema>;
  try {
    position = positionSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    throw new CursorRejected('is not a cursor this list issued (damaged or edited); start again without one');
  }
  if (position.ordering !== ordering) {
    throw new CursorRejected(
      `was issued for the ordering ${position.ordering}, not ${ordering}; start again without a cursor`,
    );
  }
  return position;
}

function checksum(body: string): string {
  return createHash('sha256')
    .update(`ticketflow-keyset-cursor:${body}`)
    .digest()
    .subarray(0, CHECKSUM_BYTES)
    .toString('base64url');
}
