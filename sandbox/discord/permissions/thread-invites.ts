import { ChannelType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { DiscordState } from '../state/discord-state.ts';
import type { ThreadRecord } from '../state/records.ts';
import { channelPermissions, hasPermission } from './compute.ts';
import { isThreadMember } from './visibility.ts';

/** Discord's cap on a thread's members (error 30033, "Maximum number of thread participants has been reached (1000)"). */
export const MAX_THREAD_MEMBERS = 1000;

/** Why Discord refuses an add: the actor may not add this user, or the user could not see the thread's channel. */
export type ThreadAddRefusal = 'missing-permissions' | 'missing-access';

/**
 * Whether `actorId` may add `targetId` to the thread, by the rules PUT /channels/{id}/thread-members/{user} and
 * mention-adds share. Documented: adding someone "requires the ability to send messages in the thread"; in a private
 * thread, `invitable` says "whether non-moderators can add other non-moderators", so a moderator (MANAGE_THREADS)
 * may always add, and a member of an invitable thread may add anyone, and any member may add a moderator.
 * Inferred (TicketsBot maps 50001 to "cannot see the parent channel"): the user added must be able to view the
 * thread's parent channel. Joining oneself takes none of this.
 */
export function threadAddRefusal(
  state: DiscordState,
  thread: ThreadRecord,
  actorId: string,
  targetId: string,
): ThreadAddRefusal | null {
  if (actorId === targetId) return null;
  const actor = channelPermissions(state, thread.id, actorId);
  if (!hasPermission(actor, PermissionFlagsBits.SendMessagesInThreads)) return 'missing-permissions';
  if (thread.type === ChannelType.PrivateThread && !hasPermission(actor, PermissionFlagsBits.ManageThreads)) {
    const targetModerates = hasPermission(
      channelPermissions(state, thread.id, targetId),
      PermissionFlagsBits.ManageThreads,
    );
    if (!isThreadMember(state, thread.id, actorId) || !(thread.thread.invitable || targetModerates))
      return 'missing-permissions';
  }
  const parentId = thread.parentId ?? thread.id;
  if (!hasPermission(channelPermissions(state, parentId, targetId), PermissionFlagsBits.ViewChannel))
    return 'missing-access';
  return null;
}

export function isThreadFull(state: DiscordState, thread: ThreadRecord): boolean {
  return state.threadMembers(thread.id).length >= MAX_THREAD_MEMBERS;
}
