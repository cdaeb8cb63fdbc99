/**
 * The transcript source of a closing ticket, from Postgres and Discord together (see transcript-source-merge.ts
 * for who wins what). Discord answering "gone" for good (the thread deleted by hand, the bot removed from the
 * guild, a member who left) narrows what it adds but never stops the transcript: with no thread the transcript
 * is what Postgres stored, under the guild's name if the guild still answers, else its id. Transient failures
 * (5xx, rate limits, timeouts) fail the attempt retryably, so Temporal tries again rather than settle for stale
 * links. See discord/transcript-details/availability.ts.
 */
import type { REST } from '@discordjs/rest';
import { asyncLocalStorage } from '@temporalio/activity';
import type { PrismaClient } from '../prisma/client.ts';
import type { TranscriptSource } from '../transcripts/transcript-source.ts';
import { loadTranscriptSource } from './database/load-transcript-source.ts';
import {
  fetchGuildDirectory,
  fetchMemberProfiles,
  fetchThreadHistory,
  MEMBER_LOOKUP_CAP,
  THREAD_HISTORY_CAP,
} from './discord/transcript-details/index.ts';
import { mergeMessages, peopleNamedBy, usersAtClose } from './transcript-source-merge.ts';
import type { RenderTranscriptInput } from './transcripts/activity.ts';

export interface TranscriptSourceDeps {
  prisma: PrismaClient;
  /** The same client the Discord activities use. */
  rest: REST;
  /** How many of the thread's messages to read from Discord; THREAD_HISTORY_CAP unless a test wants fewer. */
  historyCap?: number;
}

export async function loadTranscriptSourceAtClose(
  deps: TranscriptSourceDeps,
  input: RenderTranscriptInput,
): Promise<TranscriptSource> {
  const stored = await loadTranscriptSource(deps.prisma, input);
  const { threadId } = stored.ticket;
  const directory = await fetchGuildDirectory(deps.rest, input.guildId);
  const historyCap = deps.historyCap ?? THREAD_HISTORY_CAP;
  const history = threadId ? await fetchThreadHistory(deps.rest, threadId, historyCap) : null;

  const ticket = { guildId: input.guildId, ticketId: input.ticketId, number: input.number };
  if (!directory) warn('transcript without Discord names: the guild does not answer', ticket);
  if (threadId && !history)
    warn('transcript from Postgres only: the ticket thread does not answer', { ...ticket, threadId });
  if (history?.truncated)
    warn(`transcript read the first ${historyCap} messages from Discord; later ones are as stored`, ticket);

  const messages = mergeMessages(stored.messages, history);
  const people = peopleNamedBy({ ...stored, messages });
  if (directory && people.length > MEMBER_LOOKUP_CAP)
    warn(`transcript looked up ${MEMBER_LOOKUP_CAP} of ${people.length} people; the rest keep stored names`, ticket);
  const members = directory ? await fetchMemberProfiles(deps.rest, directory, people) : new Map();
  return {
    ...stored,
    guildName: directory?.name ?? stored.guildName,
    messages,
    users: usersAtClose(people, members, stored.users, history),
    roles: directory?.roles ?? stored.roles,
    channels: directory?.channels ?? stored.channels,
  };
}

/** Through the activity's logger when running as one; a script or test calling this directly logs nothing. */
function warn(message: string, meta: Record<string, unknown>): void {
  asyncLocalStorage.getStore()?.log.warn(message, meta);
}
