import type { REST } from '@discordjs/rest';
import { type APIThreadChannel, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';
import { auditLogReason } from './notices/limits.ts';

/**
 * Unarchives and unlocks a ticket's thread in one edit (Discord lets an edit that unarchives change the rest), so
 * its people can write again. A retry finds it open and sends the same edit: the thread ends as one call leaves it.
 */
export function unlockThread(rest: REST): TicketActivities['unlockThread'] {
  return ({ threadId, reason }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId });
        (await rest.patch(Routes.channel(threadId), {
          body: { archived: false, locked: false },
          reason: auditLogReason(reason),
        })) as APIThreadChannel;
      },
      { permissions: ['Manage Threads'], channelId: threadId },
    );
}
