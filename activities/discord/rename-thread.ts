import type { REST } from '@discordjs/rest';
import { type RESTPatchAPIChannelJSONBody, Routes } from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { invalidInput, withDiscordFailures } from './failures.ts';
import { requireDiscordIds } from './input.ts';

/** Discord's own bound on thread names. */
const THREAD_NAME_MAX = 100;

/**
 * Renames the thread in one PATCH, which also wakes it if Discord auto-archived it (an archived thread cannot be
 * renamed); a channel-mode ticket's channel is renamed the same way, without the thread's archive flag. The same name sent again changes nothing. Discord limits renames to about 2 per 10 minutes per channel:
 * its 429 comes back as DiscordRateLimited (see rest-client.ts), for the workflow to answer staff with.
 */
export function renameThread(rest: REST): TicketActivities['renameThread'] {
  return ({ threadId, name, channel }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ threadId });
        if (typeof name !== 'string' || name.trim() === '' || name.length > THREAD_NAME_MAX) {
          throw invalidInput(`renameThread needs a name of 1 to ${THREAD_NAME_MAX} characters`);
        }
        const body: RESTPatchAPIChannelJSONBody = channel ? { name } : { name, archived: false };
        await rest.patch(Routes.channel(threadId), { body });
      },
      { permissions: ['Manage Threads'], channelId: threadId },
    );
}
