import type { REST } from '@discordjs/rest';
import { type RESTGetAPIGuildMembersResult, Routes } from 'discord-api-types/v10';

/** Discord's largest page of guild members. */
const MEMBER_PAGE = 1000;
/** How long a guild's staff list is reused: a new staff member is in new tickets within this time. */
export const STAFF_LIST_TTL_MS = 60_000;

export type StaffLister = (guildId: string, staffRoleIds: readonly string[], limit: number) => Promise<string[]>;

/**
 * The guild's human members holding any staff role, the first `limit` by id (members come in id order, so the
 * choice is stable across retries). Listing members costs a request per 1,000 members, on every open, and
 * staff change rarely: each guild's answer is reused for a minute. Needs the Server Members intent.
 */
export function createStaffLister(rest: REST, now: () => number = Date.now): StaffLister {
  const remembered = new Map<string, { at: number; staff: string[] }>();
  return async (guildId, staffRoleIds, limit) => {
    const key = `${guildId}:${[...staffRoleIds].sort().join(',')}:${limit}`;
    const held = remembered.get(key);
    if (held && now() - held.at < STAFF_LIST_TTL_MS) return held.staff;
    const staff = await listStaff(rest, guildId, new Set(staffRoleIds), limit);
    remembered.set(key, { at: now(), staff });
    return staff;
  };
}

async function listStaff(rest: REST, guildId: string, staffRoles: Set<string>, limit: number): Promise<string[]> {
  const staff: string[] = [];
  let after = '0';
  while (staff.length < limit) {
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
  return staff.slice(0, limit);
}
