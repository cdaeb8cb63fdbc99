import type { Message, TextChannel, ThreadChannel } from 'discord.js';
import { compareDiscordIds } from '../../domain/discord-id.ts';

/** Discord's largest page of channel messages. */
const PAGE_SIZE = 100;

/**
 * The thread's (or ticket channel's) messages newer than `afterId`, oldest first, one page at a time. Discord answers `after` with
 * the oldest messages past it (newest first within the page), so each page starts where the last one ended.
 * `beforeEachPage` runs before each request (the caller's pacing).
 */
export async function* threadMessagesAfter(
  thread: ThreadChannel | TextChannel,
  afterId: string,
  beforeEachPage: () => Promise<void>,
): AsyncGenerator<Message<true>[]> {
  let after = afterId;
  for (;;) {
    await beforeEachPage();
    const fetched = await thread.messages.fetch({ after, limit: PAGE_SIZE });
    const page = [...fetched.values()].sort((a, b) => compareDiscordIds(a.id, b.id));
    const newest = page.at(-1);
    if (!newest) return;
    yield page;
    if (page.length < PAGE_SIZE) return;
    after = newest.id;
  }
}
