import type { DiscordState } from '../../state/discord-state.ts';
import type { PermissionOverwriteRecord } from '../../state/records.ts';
import { unknownRole, unknownUser } from '../errors.ts';

/**
 * Overwrites name a role of the guild or a known user (the sandbox's answer for anything else is Discord's
 * Unknown Role / Unknown User).
 */
export function requireOverwriteTargets(
  state: DiscordState,
  guildId: string,
  overwrites: readonly PermissionOverwriteRecord[],
): void {
  for (const overwrite of overwrites) {
    if (overwrite.type === 0 && state.roles.get(overwrite.id)?.guildId !== guildId) throw unknownRole();
    if (overwrite.type === 1 && !state.users.has(overwrite.id)) throw unknownUser();
  }
}

/** The overwrites in `next` that are new or changed from `current`: those a bot must be allowed to write. */
export function changedOverwrites(
  current: readonly PermissionOverwriteRecord[],
  next: readonly PermissionOverwriteRecord[],
): PermissionOverwriteRecord[] {
  return next.filter(
    (overwrite) =>
      !current.some(
        (each) =>
          each.id === overwrite.id &&
          each.type === overwrite.type &&
          each.allow === overwrite.allow &&
          each.deny === overwrite.deny,
      ),
  );
}
