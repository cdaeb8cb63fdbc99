import type { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';

/** Adds users to a thread. Adding a member again is a no-op on Discord's side, so retries are safe. */
export function addThreadMembers(rest: REST): TicketActivities['addThreadMembers'] {
  return ({ threadId, userIds }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId, userIds });
        for (const userId of new Set(userIds)) await rest.put(Routes.threadMembers(threadId, userId));
      },
      { permissions: ['Send Messages in Threads', 'Manage Threads'], channelId: threadId },
    );
}
