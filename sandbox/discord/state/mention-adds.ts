import { type APIMessage, MessageType } from 'discord-api-types/v10';
import { MAX_THREAD_MEMBERS, threadAddRefusal } from '../permissions/thread-invites.ts';
import { isThreadMember } from '../permissions/visibility.ts';
import type { DiscordState } from './discord-state.ts';
import type { ThreadRecord } from './records.ts';

/**
 * Who a message adds to its thread by mentioning them. What Discord documents: the message flag
 * FAILED_TO_MENTION_SOME_ROLES_IN_THREAD (1<<8), "this message failed to mention some roles and add their members to
 * the thread", so role mentions add the role's members; the 1000-member cap; the rules for adding members
 * (permissions/thread-invites.ts). What the community reports, and the sandbox follows:
 * - a user mention adds the user when the author could add them (discord/discord-api-docs#5295; ephemeral
 *   messages adding users was a bug there, fixed in 2023), and a mention that no longer pings still adds:
 *   the add follows the resolved mentions, `mentions` and `mention_roles` after allowed_mentions
 *   (MarcusOtter/discord-needle#107);
 * - only roles of up to about 100 members are added (Aiko-IT-Systems/DisCatSharp#11, Pycord-Development/pycord#1033,
 *   discord/discord-api-docs#6439): a bigger role adds nobody and sets the flag;
 * - bots are not added by mention (openabdev/openab#806, #974);
 * - someone who cannot view the thread's channel is skipped without an error.
 */

/** Roles with more members than this are not added (community-reported, see above). */
export const MAX_MENTIONED_ROLE_SIZE = 100;

export interface MentionAdds {
  /** Users to add, in mention order: users first, then each role's members. */
  userIds: string[];
  /** Some role was too big to add: the message gets FAILED_TO_MENTION_SOME_ROLES_IN_THREAD. */
  failedRoles: boolean;
}

/** Messages people write; system messages (such as "added to the thread") add nobody. */
const WRITTEN_TYPES = new Set([
  MessageType.Default,
  MessageType.Reply,
  MessageType.ChatInputCommand,
  MessageType.ContextMenuCommand,
]);

export function planMentionAdds(
  state: DiscordState,
  thread: ThreadRecord,
  message: APIMessage,
  authorId: string,
): MentionAdds {
  if (!WRITTEN_TYPES.has(message.type)) return { userIds: [], failedRoles: false };
  const roleMembers = message.mention_roles.map((roleId) => state.membersWithRole(thread.guildId, roleId));
  const failedRoles = roleMembers.some((members) => members.length > MAX_MENTIONED_ROLE_SIZE);
  const candidates = [
    ...message.mentions.map((user) => user.id),
    ...roleMembers.filter((members) => members.length <= MAX_MENTIONED_ROLE_SIZE).flat(),
  ];
  const room = Math.max(0, MAX_THREAD_MEMBERS - state.threadMembers(thread.id).length);
  const userIds = [...new Set(candidates)]
    .filter(
      (userId) =>
        state.member(thread.guildId, userId) !== undefined &&
        state.users.get(userId)?.bot === false &&
        !isThreadMember(state, thread.id, userId) &&
        threadAddRefusal(state, thread, authorId, userId) === null,
    )
    .slice(0, room);
  return { userIds, failedRoles };
}
