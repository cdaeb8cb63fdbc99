import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, DiscordAPIError, Events, RESTJSONErrorCodes } from 'discord.js';
import { log } from '../../telemetry/log-context.ts';
import type { BotContext } from '../bot-context.ts';
import { logFailure } from '../replies.ts';
import { type OpenTicketThread, openTicketThreads } from './open-ticket-threads.ts';
import type { ThreadMessageForwarder } from './thread-message-forwarder.ts';
import { threadMessagesAfter } from './thread-messages-after.ts';
import { isTicketSpace } from './ticket-space.ts';

/** Threads read side by side: enough to finish soon, few enough to leave REST and Postgres to live work. */
const THREADS_AT_ONCE = 3;

/**
 * Spacing of catch-up page requests. discord.js counts every call, interaction answers included, against one
 * budget of 50 a second; a catch-up capped well below it never makes an interaction wait.
 */
const PAGE_INTERVAL_MS = 50;

/**
 * Replies stored this long before the session became ready are the starting point. Newer ones may have come
 * live in the new session (after a message of the gap, still unseen); the margin also absorbs clock skew
 * between this host and Discord. Re-reading them is harmless: the ticket ignores a reply it already has.
 */
const LIVE_SINCE_READY_MARGIN_MS = 2 * 60_000;

/**
 * Discord replays nothing into a fresh session, so whenever a shard's session becomes ready (the first after
 * login, and each new identify after an invalid session; not a resume, which replays), messages posted in open
 * tickets' threads while the bot was away are read back and forwarded as live ones are. Runs beside the
 * gateway; a ready arriving during a catch-up runs it once more afterwards.
 */
export function catchUpMissedMessagesOnReady(
  client: Client,
  context: BotContext,
  forwarder: ThreadMessageForwarder,
): void {
  const running = new Map<number, { again: boolean }>();
  client.on(Events.ShardReady, (shardId) => {
    const current = running.get(shardId);
    if (current) {
      current.again = true;
      return;
    }
    const run = { again: true };
    running.set(shardId, run);
    void (async () => {
      while (run.again) {
        run.again = false;
        const readyAt = Date.now();
        for (const guild of client.guilds.cache.values()) {
          if (guild.shardId === shardId) await catchUpGuild(client, context, forwarder, guild.id, readyAt);
        }
      }
    })()
      .catch((error: unknown) => logFailure(`catching up missed messages of shard ${shardId} failed`, error))
      .finally(() => running.delete(shardId));
  });
}

async function catchUpGuild(
  client: Client,
  context: BotContext,
  forwarder: ThreadMessageForwarder,
  guildId: string,
  readyAt: number,
): Promise<void> {
  let threads: OpenTicketThread[];
  try {
    threads = await openTicketThreads(context.prisma, guildId, new Date(readyAt - LIVE_SINCE_READY_MARGIN_MS));
  } catch (error) {
    logFailure(`could not list the open tickets of guild ${guildId} to catch up their messages`, error);
    return;
  }
  const pace = pacer(PAGE_INTERVAL_MS);
  let forwarded = 0;
  let next = 0;
  const reader = async () => {
    for (let thread = threads[next++]; thread; thread = threads[next++]) {
      try {
        forwarded += await catchUpThread(client, forwarder, thread, pace);
      } catch (error) {
        logFailure(`could not catch up the messages of ticket thread ${thread.threadId}`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: THREADS_AT_ONCE }, reader));
  log().info({ guildId, forwarded, openTickets: threads.length }, 'caught up the thread messages of a guild');
}

/** Forwards the thread's people's messages after its starting point; returns how many. A deleted thread has none. */
async function catchUpThread(
  client: Client,
  forwarder: ThreadMessageForwarder,
  { threadId, readAfterMessageId }: OpenTicketThread,
  pace: () => Promise<void>,
): Promise<number> {
  try {
    const thread = await client.channels.fetch(threadId);
    if (!thread || !isTicketSpace(thread)) return 0;
    // With no reply stored, the whole thread: it holds nothing older than itself.
    let forwarded = 0;
    for await (const page of threadMessagesAfter(thread, readAfterMessageId ?? threadId, pace)) {
      for (const message of page) if (forwarder.messageCreated(message)) forwarded += 1;
    }
    return forwarded;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownChannel) return 0;
    throw error;
  }
}

/** Spaces the calls of everyone sharing it at least `intervalMs` apart. */
function pacer(intervalMs: number): () => Promise<void> {
  let nextAt = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, nextAt);
    nextAt = at + intervalMs;
    if (at > now) await sleep(at - now);
  };
}
