import { query } from '@solidjs/router';
import { readJson } from './api.ts';

export type TranscriptSummary = {
  number: number;
  typeKey: string;
  typeName: string;
  creatorId: string;
  creatorName: string;
  assigneeId: string | null;
  openedAt: string;
  closedAt: string | null;
  closeReason: string | null;
  transcriptPath: string | null;
  match: { messageId: string; excerpt: string } | null;
};
export type TranscriptPage = { transcripts: TranscriptSummary[]; nextCursor: string | null };

/** The fields of a search, as the API takes them in its query string. */
export const TRANSCRIPT_SEARCH_FIELDS = [
  'text',
  'number',
  'creator',
  'assignee',
  'type',
  'reason',
  'closedAfter',
  'closedBefore',
  'cursor',
] as const;
export type TranscriptSearch = Partial<Record<(typeof TRANSCRIPT_SEARCH_FIELDS)[number], string>>;

/** A guild's closed tickets as the viewer may search them (staff: all; a member: their own). */
export const searchTranscripts = query(async (guildId: string, search: TranscriptSearch): Promise<TranscriptPage> => {
  const params = new URLSearchParams();
  for (const field of TRANSCRIPT_SEARCH_FIELDS) {
    const value = search[field]?.trim();
    if (value) params.set(field, value);
  }
  const body = await readJson<TranscriptPage>(
    `/api/v1/guilds/${encodeURIComponent(guildId)}/transcripts${params.size > 0 ? `?${params}` : ''}`,
  );
  return body ?? { transcripts: [], nextCursor: null };
}, 'transcripts');
