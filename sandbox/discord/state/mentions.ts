import { AllowedMentionsTypes, type APIAllowedMentions } from 'discord-api-types/v10';

export interface ResolvedMentions {
  userIds: string[];
  roleIds: string[];
  everyone: boolean;
}

const USER_MENTION = /<@!?(\d{17,20})>/g;
const ROLE_MENTION = /<@&(\d{17,20})>/g;
const EVERYONE_MENTION = /@(everyone|here)\b/;

/**
 * Who a message pings: the mentions written in its content, filtered by allowed_mentions. Without
 * allowed_mentions a channel message may ping everything, which is why callers must always send it.
 * `rights` says which users and roles exist and may be pinged by this author (a role that is not mentionable
 * takes MENTION_EVERYONE), and whether @everyone/@here may.
 */
export function resolveMentions(
  content: string,
  allowed: APIAllowedMentions | null,
  rights: { user(id: string): boolean; role(id: string): boolean; everyone: boolean },
): ResolvedMentions {
  const parse = new Set(
    allowed
      ? (allowed.parse ?? [])
      : [AllowedMentionsTypes.User, AllowedMentionsTypes.Role, AllowedMentionsTypes.Everyone],
  );
  const allowedUsers = new Set(allowed?.users ?? []);
  const allowedRoles = new Set(allowed?.roles ?? []);
  const written = (pattern: RegExp) => [...new Set([...content.matchAll(pattern)].map((match) => match[1] ?? ''))];
  return {
    userIds: written(USER_MENTION).filter(
      (id) => rights.user(id) && (parse.has(AllowedMentionsTypes.User) || allowedUsers.has(id)),
    ),
    roleIds: written(ROLE_MENTION).filter(
      (id) => rights.role(id) && (parse.has(AllowedMentionsTypes.Role) || allowedRoles.has(id)),
    ),
    everyone: rights.everyone && parse.has(AllowedMentionsTypes.Everyone) && EVERYONE_MENTION.test(content),
  };
}
