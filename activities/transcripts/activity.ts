/**
 * The ticket workflow's `renderTranscript` activity: load the ticket as it is at close, copy its media into
 * storage, build the canonical transcript and store it. Every step is idempotent (content-addressed media,
 * atomic replacement of the transcript), so a retry after any failure ends in the same stored state.
 */
import type { TicketActivities } from '../../domain/ticket.ts';
import { buildTranscript } from '../../transcripts/build-transcript.ts';
import { transcriptKey } from '../../transcripts/keys.ts';
import { collectMedia, copyMediaIn, type MediaLimits } from '../../transcripts/media-copy.ts';
import type { TranscriptStorage } from '../../transcripts/storage.ts';
import { storeTranscript } from '../../transcripts/transcript-codec.ts';
import type { TranscriptSource } from '../../transcripts/transcript-source.ts';
import { heartbeatWhile } from '../heartbeat-while.ts';

export type RenderTranscriptInput = Parameters<TicketActivities['renderTranscript']>[0];

export interface TranscriptActivityDeps {
  storage: TranscriptStorage;
  /** Fetches media from Discord's CDN; injectable so tests can stand in for Discord. */
  fetch: typeof globalThis.fetch;
  /**
   * The ticket at close: its row, stored messages and events (Postgres) and fresh names, avatars and
   * attachment URLs (Discord, since stored attachment URLs expire).
   */
  loadSource(input: RenderTranscriptInput): Promise<TranscriptSource>;
  mediaLimits?: MediaLimits;
  mediaHosts?: readonly string[];
}

export function createTranscriptActivities(deps: TranscriptActivityDeps): Pick<TicketActivities, 'renderTranscript'> {
  return {
    renderTranscript: (input) => heartbeatWhile(() => renderTranscript(deps, input)),
  };
}

async function renderTranscript(
  deps: TranscriptActivityDeps,
  input: RenderTranscriptInput,
): ReturnType<TicketActivities['renderTranscript']> {
  const key = transcriptKey({ guildId: input.guildId, number: input.number });
  const loaded = await deps.loadSource(input);
  if (loaded.ticket.guildId !== input.guildId || loaded.ticket.number !== input.number) {
    throw new Error(
      `loadSource returned ticket ${loaded.ticket.guildId}/${loaded.ticket.number} for ${input.guildId}/${input.number}`,
    );
  }
  // The workflow's closure is the truth; the row may not say closed yet.
  const source: TranscriptSource = { ...loaded, closure: input.closure };
  const media = await copyMediaIn({
    transcriptKey: key,
    items: collectMedia(source),
    storage: deps.storage,
    fetch: deps.fetch,
    limits: deps.mediaLimits,
    allowedHosts: deps.mediaHosts,
  });
  const transcript = buildTranscript(source, media);
  const { bytes } = await storeTranscript(deps.storage, transcript);
  return { key, bytes, messageCount: conversationLength(source) };
}

/**
 * What the summary counts as the ticket's messages: what people wrote. The transcript also shows the bot's
 * own notices (welcome, closing) read back from the thread, which are not the conversation.
 */
function conversationLength(source: TranscriptSource): number {
  return source.messages.filter((message) => !message.authorIsBot).length;
}
