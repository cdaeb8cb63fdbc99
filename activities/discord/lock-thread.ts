import { DiscordAPIError, type REST } from '@discordjs/rest';
import {
  type APIThreadChannel,
  RESTJSONErrorCodes,
  type RESTPatchAPIChannelJSONBody,
  Routes,
} from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import { auditLogReason } from './notices/limits.ts';

/**
 * Archives and locks a thread, with the reason in the guild's audit log. Discord refuses to edit an
 * archived thread (50083) unless the edit unarchives it, so a retry that finds the thread archived
 * checks it: already locked is done; archived but unlocked (someone archived it by hand) is locked
 * by unarchiving and archiving again.
 */
export function lockThread(rest: REST): TicketActivities['lockThread'] {
  return ({ threadId, reason }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId });
        const auditReason = auditLogReason(reason);
        const patch = (body: RESTPatchAPIChannelJSONBody) =>
          rest.patch(Routes.channel(threadId), { body, reason: auditReason });
        try {
          await patch({ archived: true, locked: true });
        } catch (error) {
          if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InvalidActionOnArchivedThread))
            throw error;
          const thread = (await rest.get(Routes.channel(threadId))) as APIThreadChannel;
          if (thread.thread_metadata?.locked) return;
          await patch({ archived: false, locked: true });
          await patch({ archived: true });
        }
      },
      { permissions: ['Manage Threads'], channelId: threadId },
    );
}
