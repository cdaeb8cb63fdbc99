import { DiscordAPIError, type REST } from '@discordjs/rest';
import { RESTJSONErrorCodes, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';

/**
 * Removes a user from a thread. A user who is not in it (removed by an earlier attempt, or who left) is what was
 * asked for, so Discord's Unknown Member is success; Unknown Channel still fails, the thread is gone.
 */
export function removeThreadMember(rest: REST): TicketActivities['removeThreadMember'] {
  return ({ threadId, userId }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId, userId });
        try {
          await rest.delete(Routes.threadMembers(threadId, userId));
        } catch (error) {
          if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMember) return;
          throw error;
        }
      },
      { permissions: ['Manage Threads'], channelId: threadId },
    );
}
