/**
 * How the two copies of a ticket become one transcript source. Postgres holds every message the ticket stored,
 * including ones deleted on Discord since, with the links Discord gave when they arrived (expired after about a
 * day). Discord holds what is still in the thread, with fresh links, embeds, replies, stickers, reactions and
 * the latest edits. Pure.
 */

import { compareDiscordIds, isDiscordId } from '../domain/discord-id.ts';
import type { TicketEvent } from '../domain/ticket.ts';
import { USER_MENTION } from '../transcripts/build-transcript.ts';
import type { SourceUser, TranscriptSource, TranscriptSourceMessage } from '../transcripts/transcript-source.ts';
import { type ThreadHistory, userAvatarUrl, userDisplayName } from './discord/transcript-details/index.ts';

/** The event data fields that name a person (see the ticket workflow's events). */
const EVENT_PEOPLE_FIELDS = ['assigneeId', 'memberId'] as const;

/**
 * Discord's copy wins for every message it still has; a message only Postgres has (deleted on Discord, or past
 * the history cap) is kept as stored; Discord's own notes (member added, thread renamed) are dropped from both.
 * Oldest first.
 */
export function mergeMessages(
  stored: readonly TranscriptSourceMessage[],
  history: ThreadHistory | null,
): TranscriptSourceMessage[] {
  if (!history) return [...stored];
  const live = new Map(history.messages.map((message) => [message.id, message]));
  const merged: TranscriptSourceMessage[] = [];
  for (const message of stored) {
    if (history.systemMessageIds.has(message.id)) continue;
    const fresh = live.get(message.id);
    merged.push(fresh ? mergeMessage(message, fresh) : message);
    live.delete(message.id);
  }
  merged.push(...live.values());
  return merged.sort((a, b) => a.createdAt - b.createdAt || compareDiscordIds(a.id, b.id));
}

function mergeMessage(stored: TranscriptSourceMessage, live: TranscriptSourceMessage): TranscriptSourceMessage {
  // The stored name is what the guild showed when it arrived: the fallback for an author who left since.
  const merged = { ...live, authorName: stored.authorName };
  // No edit can leave a message with nothing in it, so an empty copy means Discord withheld its content
  // (the bot lost the Message Content intent): keep the stored text and files, and Discord's other parts.
  const withheld =
    live.content === '' && live.attachments.length === 0 && !live.embeds?.length && !live.stickers?.length;
  return withheld
    ? { ...merged, content: stored.content, attachments: stored.attachments, editedAt: stored.editedAt }
    : merged;
}

/**
 * Everyone the transcript names, in the order they matter: the ticket's people, then those in its events,
 * then authors, then people mentioned in messages and embeds.
 */
export function peopleNamedBy(source: Pick<TranscriptSource, 'ticket' | 'closure' | 'events' | 'messages'>): string[] {
  const ids = new Set<string>();
  const add = (id: unknown) => {
    if (isDiscordId(id)) ids.add(id);
  };
  add(source.ticket.creatorId);
  add(source.ticket.assigneeId);
  add(source.closure.closedById);
  for (const event of source.events) for (const id of eventPeople(event)) add(id);
  for (const message of source.messages) add(message.authorId);
  for (const message of source.messages) {
    const texts = [message.content];
    for (const embed of message.embeds ?? []) {
      texts.push(embed.title ?? '', embed.description ?? '');
      for (const field of embed.fields ?? []) texts.push(field.name, field.value);
    }
    for (const text of texts) for (const match of text.matchAll(USER_MENTION)) add(match[1]);
  }
  return [...ids];
}

function eventPeople(event: TicketEvent): unknown[] {
  return [event.actorId, ...EVENT_PEOPLE_FIELDS.map((field) => event.data?.[field])];
}

/**
 * The people as the transcript shows them: members as the guild shows them now; anyone no longer a member
 * under the name stored with their messages (else Discord's name for the user), with their own avatar.
 */
export function usersAtClose(
  ids: readonly string[],
  members: ReadonlyMap<string, SourceUser>,
  storedUsers: readonly SourceUser[],
  history: ThreadHistory | null,
): SourceUser[] {
  const stored = new Map(storedUsers.map((user) => [user.id, user]));
  const users: SourceUser[] = [];
  for (const id of ids) {
    const member = members.get(id);
    if (member) {
      users.push(member);
      continue;
    }
    const known = stored.get(id);
    const discordUser = history?.users.get(id);
    if (!known && !discordUser) continue;
    users.push({
      id,
      name: known?.name ?? (discordUser ? userDisplayName(discordUser) : id),
      avatarUrl: discordUser ? userAvatarUrl(discordUser) : null,
      roleColor: null,
      bot: discordUser ? discordUser.bot === true : (known?.bot ?? false),
    });
  }
  return users;
}
