import type { REST } from '@discordjs/rest';
import {
  type RESTGetAPIChannelThreadMembersResult,
  type RESTGetAPIGuildMembersResult,
  Routes,
} from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';

/**
 * At most this many staff are added to a ticket's thread. Each add is a request against a tight
 * per-thread rate limit and a system message in the thread, and Discord has no bulk add; beyond the cap
 * nobody is lost: the welcome notice pings the notification role, and staff can see private threads
 * anyway when their role has Manage Threads.
 */
export const STAFF_PER_THREAD = 25;

/** Discord's largest page of guild members. */
const MEMBER_PAGE = 1000;

/**
 * Adds the guild's human members holding any staff role, the first STAFF_PER_THREAD by id. Returns the
 * staff now in the thread this way, including those a failed earlier attempt already added, so every
 * attempt reports the same list. Listing members needs the bot's privileged Server Members intent.
 */
export function addStaffToThread(rest: REST): TicketActivities['addStaffToThread'] {
  return ({ guildId, threadId, staffRoleIds }) =>
    withDiscordFailures(async () => {
      requireDiscordIds({ guildId, threadId, staffRoleIds });
      if (staffRoleIds.length === 0) return { added: [] };
      const staffRoles = new Set(staffRoleIds);
      const staff: string[] = [];
      let after = '0';
      // Members come in id order, so stopping once the cap is reached keeps the choice stable across retries.
      while (staff.length < STAFF_PER_THREAD) {
        const page = (await rest.get(Routes.guildMembers(guildId), {
          query: new URLSearchParams({ limit: String(MEMBER_PAGE), after }),
        })) as RESTGetAPIGuildMembersResult;
        for (const member of page) {
          if (!member.user.bot && member.roles.some((roleId) => staffRoles.has(roleId))) staff.push(member.user.id);
        }
        const last = page.at(-1);
        if (page.length < MEMBER_PAGE || !last) break;
        after = last.user.id;
      }
      const chosen = staff.slice(0, STAFF_PER_THREAD);
      // One listing spares the per-thread rate limit the adds an earlier attempt already made.
      const present = new Set(
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
