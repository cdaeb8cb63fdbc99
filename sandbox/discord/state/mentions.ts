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
 * Not modelled: a role that is not mentionable still pings here, as it does for a bot with MENTION_EVERYONE.
 */
export function resolveMentions(
  content: string,
  allowed: APIAllowedMentions | null,
  exists: { user(id: string): boolean; role(id: string): boolean },
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
      (id) => exists.user(id) && (parse.has(AllowedMentionsTypes.User) || allowedUsers.has(id)),
    ),
    roleIds: written(ROLE_MENTION).filter(
      (id) => exists.role(id) && (parse.has(AllowedMentionsTypes.Role) || allowedRoles.has(id)),
    ),
    everyone: parse.has(AllowedMentionsTypes.Everyone) && EVERYONE_MENTION.test(content),
  };
}
