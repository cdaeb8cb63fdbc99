import { type APIMessage, MessageFlags } from 'discord-api-types/v10';

/**
 * Which of the roles a thread message mentioned Discord did not add to the thread: it adds a mentioned role's members
 * only when the mention resolves (the role is mentionable, or the bot may Mention All Roles), and flags the message
 * when a role is too large to add (about 100 members and more).
 */
export function rolesNotAdded(message: APIMessage, roleIds: readonly string[]) {
  return {
    unmentionableRoleIds: roleIds.filter((roleId) => !message.mention_roles.includes(roleId)),
    someRoleTooLarge: ((message.flags ?? 0) & MessageFlags.FailedToMentionSomeRolesInThread) !== 0,
  };
}
