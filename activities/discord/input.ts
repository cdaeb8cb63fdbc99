import { snowflake } from '../../domain/snowflake.ts';
import { invalidInput } from './failures.ts';

/** Fails the activity for good when an id is not a Discord id: sending it would only earn a 404 or a 400. */
export function requireDiscordIds(ids: Record<string, string | readonly string[]>): void {
  for (const [field, value] of Object.entries(ids)) {
    for (const id of typeof value === 'string' ? [value] : value) {
      if (!snowflake.safeParse(id).success)
        throw invalidInput(`${field} must be a Discord id, got ${JSON.stringify(id)}`);
    }
  }
}
