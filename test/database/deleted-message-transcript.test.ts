import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabaseActivities,
  type DatabaseActivities,
} from '../../activities/database/create-database-activities.ts';
import { loadTranscriptSource } from '../../activities/database/load-transcript-source.ts';
import { DEFAULT_PLANS } from '../../domain/plans.ts';
import { buildTranscript } from '../../transcripts/build-transcript.ts';
import { placeholderMediaResolver } from '../../transcripts/media-resolver.ts';
import { renderTranscriptHtmlToString } from '../../transcripts/render-html.ts';
import { transcriptMessageSchema } from '../../transcripts/schema.ts';
import { serializeTranscript } from '../../transcripts/transcript-codec.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { message, openRegisteredTicket } from './ticket-fixtures.ts';

let database: TestDatabase;
let activities: DatabaseActivities;
const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

beforeAll(async () => {
  database = await createTestDatabase();
  activities = createDatabaseActivities(database.prisma, { plans: DEFAULT_PLANS, publicUrl: undefined });
});

afterAll(async () => {
  await database?.cleanup();
});

describe('a deleted message in the transcript', () => {
  it('shows what it said, marked deleted, beside an edited message with its latest content', async () => {
    const { guildId, ticketId } = await openRegisteredTicket(database.prisma, activities, T0);
    const edited = message({ createdAt: T0 + 1_000, content: 'first draft' });
    const removed = message({ createdAt: T0 + 2_000, content: 'said, then deleted' });
    await activities.storeMessages({ guildId, ticketId, messages: [edited, removed] });
    await activities.storeMessages({
      guildId,
      ticketId,
      messages: [{ ...edited, content: 'final words', editedAt: T0 + 3_000 }],
      deletions: [{ messageId: removed.id, deletedAt: T0 + 4_000 }],
    });

    const closure = { reason: null, closedById: null, closedAt: T0 + 10_000, automatic: false };
    const source = await loadTranscriptSource(database.prisma, { guildId, ticketId, number: 1, closure });
    const transcript = buildTranscript(source);
    const entry = (id: string) => transcript.messages.find((m) => m.id === id);
    expect(entry(removed.id)).toMatchObject({ content: 'said, then deleted', deletedAt: T0 + 4_000 });
    expect(entry(edited.id)).toMatchObject({ content: 'final words', editedAt: T0 + 3_000 });
    expect(entry(edited.id)).not.toHaveProperty('deletedAt');
    expect(transcript.messageCount).toBe(2);

    // the stored form (JSON Lines) keeps the mark
    const lines = [...serializeTranscript(transcript)].slice(1);
    const stored = lines.map((line) => transcriptMessageSchema.parse(JSON.parse(line)));
    expect(stored.find((m) => m.id === removed.id)?.deletedAt).toBe(T0 + 4_000);

    const html = await renderTranscriptHtmlToString(transcript, { media: placeholderMediaResolver });
    const block = (id: string) => html.slice(html.indexOf(`id="m-${id}"`)).split('</div>')[0] ?? '';
    expect(block(removed.id)).toContain('said, then deleted');
    expect(block(removed.id)).toContain('(deleted)');
    expect(block(edited.id)).toContain('final words');
    expect(block(edited.id)).toContain('(edited)');
    expect(block(edited.id)).not.toContain('(deleted)');
  });
});
