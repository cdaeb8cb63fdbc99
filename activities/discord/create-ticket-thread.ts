import type { REST } from '@discordjs/rest';
import {
  type APIThreadChannel,
  ChannelType,
  type RESTGetAPIGuildThreadsResult,
  type RESTPostAPIChannelThreadsJSONBody,
  Routes,
  ThreadAutoArchiveDuration,
} from 'discord-api-types/v10';
import type { TicketActivities } from '../../domain/ticket.ts';
import { invalidInput, withDiscordFailures } from './failures.ts';
import { isFirstAttempt } from './first-attempt.ts';
import { requireDiscordIds } from './input.ts';

/**
 * A private, not invitable thread for one ticket. Discord has no idempotency key for threads, so a retry
 * first looks for an active thread of that parent with exactly this name (names carry the ticket number,
 * unique per guild) and returns it instead of making a second one. A first attempt skips that listing: it
 * grows with the guild's open threads and costs a request on every open.
 */
export function createTicketThread(rest: REST): TicketActivities['createTicketThread'] {
  return ({ guildId, channelId, name }) =>
    withDiscordFailures(
      async () => {
        requireDiscordIds({ guildId, channelId });
        // Send and compare one normalised name, so a retry looks for exactly what the first attempt made.
        const threadName = name.trim();
        if (threadName.length < 1 || threadName.length > 100) {
          throw invalidInput(`a thread name needs 1 to 100 characters, got ${threadName.length}`);
        }
        if (!isFirstAttempt()) {
          const active = (await rest.get(Routes.guildActiveThreads(guildId))) as RESTGetAPIGuildThreadsResult;
          const existing = active.threads.find(
            (thread) => 'parent_id' in thread && thread.parent_id === channelId && thread.name === threadName,
          );
          if (existing) return { threadId: existing.id };
        }
        const body: RESTPostAPIChannelThreadsJSONBody = {
          name: threadName,
          type: ChannelType.PrivateThread,
          invitable: false,
          auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
        };
        const created = (await rest.post(Routes.threads(channelId), { body })) as APIThreadChannel;
        return { threadId: created.id };
      },
      { permissions: ['View Channel', 'Create Private Threads'], channelId },
    );
}
