import type { APIGuildMember, APIRole, APIUser } from 'discord-api-types/v10';
import { compareDiscordIds } from '../../../domain/discord-id.ts';
import type { SourceUser } from '../../../transcripts/transcript-source.ts';

/** Discord's CDN serves avatars at power-of-two sizes; transcripts show them small. */
const AVATAR_SIZE = 128;

/** A static PNG even for an animated (`a_`) avatar: the transcript keeps one still image per person. */
export function userAvatarUrl(user: Pick<APIUser, 'id' | 'avatar'>): string | null {
  return user.avatar ? `https://cdn.discordapp.com/avatars/${user.id}/${user.avatar}.png?size=${AVATAR_SIZE}` : null;
}

export function guildAvatarUrl(guildId: string, userId: string, avatar: string): string {
  return `https://cdn.discordapp.com/guilds/${guildId}/users/${userId}/avatars/${avatar}.png?size=${AVATAR_SIZE}`;
}

/** The name Discord shows for a user outside any guild. */
export function userDisplayName(user: Pick<APIUser, 'username' | 'global_name'>): string {
  return user.global_name || user.username;
}

/**
 * Discord colours a member's name with their highest coloured role: roles rank by position, and at the same
 * position the older role (lower id) ranks higher. A colour of 0 means "no colour" and is skipped.
 */
export function roleColorOf(roleIds: readonly string[], roles: ReadonlyMap<string, APIRole>): number | null {
  let best: APIRole | null = null;
  for (const id of roleIds) {
    const role = roles.get(id);
    if (!role || role.color === 0) continue;
    if (
      !best ||
      role.position > best.position ||
      (role.position === best.position && compareDiscordIds(role.id, best.id) < 0)
    )
      best = role;
  }
  return best?.color ?? null;
}

/** A member as the guild shows them: nickname, else global name, else username; guild avatar, else their own. */
export function memberProfile(
  guildId: string,
  member: APIGuildMember & { user: APIUser },
  roles: ReadonlyMap<string, APIRole>,
): SourceUser {
  const { user } = member;
  return {
    id: user.id,
    name: member.nick || userDisplayName(user),
    avatarUrl: member.avatar ? guildAvatarUrl(guildId, user.id, member.avatar) : userAvatarUrl(user),
    roleColor: roleColorOf(member.roles, roles),
    bot: user.bot === true,
  };
}
