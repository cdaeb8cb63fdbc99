import type { REST } from '@discordjs/rest';
import { type RESTGetAPIChannelThreadMembersResult, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { isFirstAttempt } from './first-attempt.ts';
import { requireDiscordIds } from './input.ts';
import { createStaffLister } from './staff-directory.ts';

/**
 * At most this many staff are added to a ticket's thread. Each add is a request against a tight
 * per-thread rate limit and a system message in the thread, and Discord has no bulk add; beyond the cap
 * nobody is lost: the welcome notice pings the notification role, and staff can see private threads
 * anyway when their role has Manage Threads.
 */
export const STAFF_PER_THREAD = 25;

/**
 * Adds the guild's human members holding any staff role, the first STAFF_PER_THREAD by id. Returns the
 * staff now in the thread this way, including those a failed earlier attempt already added, so every
 * attempt reports the same list.
 */
export function addStaffToThread(rest: REST, now: () => number = Date.now): TicketActivities['addStaffToThread'] {
  const staffOf = createStaffLister(rest, now);
  return ({ guildId, threadId, staffRoleIds }) =>
    withDiscordFailures(async () => {
      requireDiscordIds({ guildId, threadId, staffRoleIds });
      if (staffRoleIds.length === 0) return { added: [] };
      const chosen = await staffOf(guildId, staffRoleIds, STAFF_PER_THREAD);
      // A retry lists the thread once, which spares the per-thread rate limit the adds an earlier attempt made.
      const present = isFirstAttempt()
        ? new Set<string>()
        : new Set(
            ((await rest.get(Routes.threadMembers(threadId))) as RESTGetAPIChannelThreadMembersResult).map(
              (member) => member.user_id,
            ),
          );
      for (const userId of chosen) {
        if (!present.has(userId)) await rest.put(Routes.threadMembers(threadId, userId));
      }
      return { added: chosen };
    });
}
