import type { APIMessage } from 'discord-api-types/v10';
import { compareDiscordIds } from '../../../domain/discord-id.ts';

/** Which messages of a channel to list, as GET /channels/{id}/messages takes them (one of before/after/around). */
export interface MessagePageQuery {
  limit: number;
  before?: string;
  after?: string;
  around?: string;
}

/**
 * One page of a channel's history, newest first as Discord answers every form of the query: `before` the
 * newest older messages, `after` the oldest newer ones, `around` about half older and half at or after it.
 */
export function pageOfMessages(messages: APIMessage[], query: MessagePageQuery): APIMessage[] {
  const oldestFirst = [...messages].sort((a, b) => compareDiscordIds(a.id, b.id));
  const older = (id: string) => oldestFirst.filter((message) => compareDiscordIds(message.id, id) < 0);
  const notOlder = (id: string) => oldestFirst.filter((message) => compareDiscordIds(message.id, id) >= 0);
  let page: APIMessage[];
  if (query.around !== undefined) {
    const before = Math.floor(query.limit / 2);
    const earlier = before === 0 ? [] : older(query.around).slice(-before);
    page = [...earlier, ...notOlder(query.around).slice(0, query.limit - earlier.length)];
  } else if (query.before !== undefined) {
    page = older(query.before).slice(-query.limit);
  } else if (query.after !== undefined) {
    const after = query.after;
    page = oldestFirst.filter((message) => compareDiscordIds(message.id, after) > 0).slice(0, query.limit);
  } else {
    page = oldestFirst.slice(-query.limit);
  }
  return page.reverse();
}
