import type { REST } from '@discordjs/rest';
import type { APIMessage, APIUser, RESTGetAPIChannelMessagesResult } from 'discord-api-types/v10';
import { Routes } from 'discord-api-types/v10';
import { compareDiscordIds } from '../../../domain/discord-id.ts';
import type { TranscriptSourceMessage } from '../../../transcripts/transcript-source.ts';
import { unlessUnavailable } from './availability.ts';
import { isConversation, sourceMessageOf } from './message-parts.ts';

/** Discord's largest page of messages. */
const PAGE_SIZE = 100;

/**
 * At most this many messages are read from Discord (200 requests). A ticket is a conversation, not a channel's
 * archive; past the cap the newest messages keep the copies Postgres stored, whose links are the youngest and
 * so the likeliest to still work.
 */
export const THREAD_HISTORY_CAP = 20_000;

export interface ThreadHistory {
  /** The conversation, oldest first. */
  messages: TranscriptSourceMessage[];
  /** Discord's own notes in the thread (member added, renamed): not conversation, and not deleted either. */
  systemMessageIds: Set<string>;
  /** Everyone who wrote or was mentioned, as Discord's user objects: what is known of people who left. */
  users: Map<string, APIUser>;
  /** Reading stopped at the cap: the thread may hold newer messages than these. */
  truncated: boolean;
}

/**
 * The thread's whole history, read from its first message forward (`after`), so that if the cap cuts it, what
 * is cut is the newest part. Null when the thread is gone or the bot can no longer read it.
 */
export async function fetchThreadHistory(
  rest: REST,
  threadId: string,
  cap: number = THREAD_HISTORY_CAP,
): Promise<ThreadHistory | null> {
  const history: ThreadHistory = { messages: [], systemMessageIds: new Set(), users: new Map(), truncated: false };
  let after = '0';
  let read = 0;
  while (read < cap) {
    const limit = Math.min(PAGE_SIZE, cap - read);
    const page = await unlessUnavailable(
      async () =>
        (await rest.get(Routes.channelMessages(threadId), {
          query: new URLSearchParams({ limit: String(limit), after }),
        })) as RESTGetAPIChannelMessagesResult,
    );
    if (page === null) return read === 0 ? null : history;
    // Every page comes newest first, whichever way it pages.
    const oldestFirst = [...page].sort((a, b) => compareDiscordIds(a.id, b.id));
    for (const message of oldestFirst) addMessage(history, message);
    read += page.length;
    const newest = oldestFirst.at(-1);
    if (page.length < limit || !newest) return history;
    after = newest.id;
  }
  history.truncated = true;
  return history;
}

function addMessage(history: ThreadHistory, message: APIMessage): void {
  if (!isConversation(message)) {
    history.systemMessageIds.add(message.id);
    return;
  }
  history.messages.push(sourceMessageOf(message));
  history.users.set(message.author.id, message.author);
  for (const user of message.mentions) history.users.set(user.id, user);
}
