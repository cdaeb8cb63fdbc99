import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTranscriptActivities, type RenderTranscriptInput } from '../../activities/transcripts/activity.ts';
import { SYNTHETIC_GUILD_ID, syntheticTicket } from '../../bench/transcripts/synthetic-ticket.ts';
import { loadTranscriptStorageConfig } from '../../config/transcript-storage-config.ts';
import { FileTranscriptStorage } from '../../transcripts/fs-storage.ts';
import type { TranscriptMessage } from '../../transcripts/schema.ts';
import type { TranscriptStorage } from '../../transcripts/storage.ts';
import { openTranscriptStorage } from '../../transcripts/storage-factory.ts';
import { loadTranscript } from '../../transcripts/transcript-codec.ts';
import type { TranscriptSource } from '../../transcripts/transcript-source.ts';
import { S3_TEST_CREDENTIALS, S3_TEST_REGION, type S3Server, startS3Server } from '../support/s3-server.ts';
import { type DiscordCdn, startDiscordCdn } from './discord-cdn.ts';

/** The synthetic ticket's bot user (bench/transcripts/synthetic-ticket.ts). */
const BOT_USER_ID = '1100000000000000104';

let cdn: DiscordCdn;
let root: string;
let storage: FileTranscriptStorage;

beforeAll(async () => {
  cdn = await startDiscordCdn();
});
afterAll(async () => {
  await cdn.close();
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'transcript-activity-'));
  storage = new FileTranscriptStorage(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A synthetic ticket whose first messages carry a file too big to keep and one Discord no longer has. */
function ticketAtClose(): TranscriptSource {
  const { source } = syntheticTicket(120, 7);
  const [first, second] = source.messages as [
    TranscriptSource['messages'][number],
    TranscriptSource['messages'][number],
  ];
  first.attachments = [
    {
      id: '1100000000000090001',
      filename: 'backup.tar',
      size: 50 * 1024 * 1024,
      contentType: 'application/x-tar',
      url: 'https://cdn.discordapp.com/attachments/1/1100000000000090001/backup.tar',
    },
  ];
  second.attachments = [
    {
      id: '1100000000000090002',
      filename: 'expired.png',
      size: 2000,
      contentType: 'image/png',
      url: 'https://cdn.discordapp.com/attachments/1/missing/expired.png',
    },
  ];
  return source;
}

const closure = {
  reason: 'Solved',
  closedById: '1100000000000000102',
  closedAt: Date.UTC(2026, 11, 1),
  automatic: false,
};
const input: RenderTranscriptInput = { guildId: SYNTHETIC_GUILD_ID, ticketId: 'ticket-row-1', number: 42, closure };

async function messagesOf(key: string): Promise<TranscriptMessage[]> {
  const { messages } = await loadTranscript(storage, key);
  const all: TranscriptMessage[] = [];
  for await (const message of messages) all.push(message);
  return all;
}

describe('renderTranscript activity', () => {
  it('copies media in, stores the canonical transcript, and reports it', async () => {
    const source = ticketAtClose();
    const requested: RenderTranscriptInput[] = [];
    const activities = createTranscriptActivities({
      storage,
      fetch: cdn.fetch,
      loadSource: async (request) => {
        requested.push(request);
        return source;
      },
      mediaLimits: { maxFileBytes: 10 * 1024 * 1024, maxTicketBytes: 100 * 1024 * 1024 },
    });
    const ref = await activities.renderTranscript(input);
    expect(requested).toEqual([input]);
    expect(ref.key).toBe(`${SYNTHETIC_GUILD_ID}/0042`);
    const byPeople = source.messages.filter((message) => !message.authorIsBot).length;
    expect(byPeople).toBeLessThan(120);
    expect(ref.messageCount).toBe(byPeople);
    expect(ref.bytes).toBeGreaterThan(1000);

    const { header } = await loadTranscript(storage, ref.key);
    expect(header.ticket).toMatchObject({
      number: 42,
      closeReason: 'Solved',
      closedById: closure.closedById,
      closedAt: closure.closedAt,
    });
    const messages = await messagesOf(ref.key);
    const attachments = messages.flatMap((message) => message.attachments);
    expect(attachments.find((each) => each.name === 'backup.tar')).toMatchObject({ key: null, unsaved: 'too_large' });
    expect(attachments.find((each) => each.name === 'expired.png')).toMatchObject({
      key: null,
      unsaved: 'fetch_failed',
    });
    const saved = attachments.filter((each) => each.key !== null);
    expect(saved.length).toBeGreaterThan(5);
    for (const attachment of saved) expect(await storage.readMedia(attachment.key as string)).not.toBeNull();
    for (const user of header.users.filter((each) => each.avatarKey !== null)) {
      expect(await storage.readMedia(user.avatarKey as string)).not.toBeNull();
    }
    expect(cdn.served.some((path) => path.endsWith('backup.tar'))).toBe(false);
  });

  it('leaves the same stored state when retried', async () => {
    const activities = createTranscriptActivities({
      storage,
      fetch: cdn.fetch,
      loadSource: async () => ticketAtClose(),
    });
    const first = await activities.renderTranscript(input);
    const folder = join(root, SYNTHETIC_GUILD_ID, '0042');
    const storedFirst = await readFile(join(folder, 'transcript.jsonl.gz'));
    const mediaFirst = (await readdir(join(folder, 'media'))).sort();
    const second = await activities.renderTranscript(input);
    expect(second).toEqual(first);
    expect(await readFile(join(folder, 'transcript.jsonl.gz'))).toEqual(storedFirst);
    expect((await readdir(join(folder, 'media'))).sort()).toEqual(mediaFirst);
    expect((await readdir(folder)).sort()).toEqual(['media', 'transcript.jsonl.gz']);
  });

  it('refuses a source for another ticket and stores nothing', async () => {
    const activities = createTranscriptActivities({
      storage,
      fetch: cdn.fetch,
      loadSource: async () => ticketAtClose(),
    });
    await expect(activities.renderTranscript({ ...input, number: 43 })).rejects.toThrow(/for .*\/43/);
    expect(await readdir(root)).toEqual([]);
  });

  it("counts the conversation for the summary, not the bot's own notices", async () => {
    const source = ticketAtClose();
    const [first, second, third] = source.messages.filter((message) => !message.authorIsBot) as [
      TranscriptSource['messages'][number],
      TranscriptSource['messages'][number],
      TranscriptSource['messages'][number],
    ];
    const notice = (of: typeof first, id: string, content: string) => ({
      ...of,
      id,
      authorId: BOT_USER_ID,
      authorName: 'Ticketflow',
      authorIsBot: true,
      content,
      attachments: [],
    });
    source.messages = [
      notice(first, '1100000000000099001', 'Welcome'),
      first,
      second,
      third,
      notice(third, '1100000000000099002', 'Closing this ticket'),
    ];
    const activities = createTranscriptActivities({ storage, fetch: cdn.fetch, loadSource: async () => source });
    const ref = await activities.renderTranscript(input);
    expect(ref.messageCount).toBe(3);
    // The transcript itself still shows the notices.
    expect((await messagesOf(ref.key)).filter((message) => message.system === null)).toHaveLength(5);
  });
});

describe('renderTranscript activity with S3 storage configured', () => {
  let s3: S3Server;
  let s3Storage: TranscriptStorage;
  let bucket: string;

  beforeAll(async () => {
    s3 = await startS3Server();
    bucket = await s3.createBucket();
    // Credentials reach the SDK the way they do in production: its default chain, here the environment.
    vi.stubEnv('AWS_ACCESS_KEY_ID', S3_TEST_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', S3_TEST_CREDENTIALS.secretAccessKey);
    s3Storage = await openTranscriptStorage(
      loadTranscriptStorageConfig({
        TRANSCRIPT_STORAGE: 's3',
        S3_BUCKET: bucket,
        S3_ENDPOINT: s3.endpoint,
        S3_REGION: S3_TEST_REGION,
        S3_FORCE_PATH_STYLE: 'true',
        S3_PREFIX: 'production',
      }),
    );
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await s3?.close();
  });

  it('closes a ticket into the bucket, media and all, and a retry changes nothing', async () => {
    const activities = createTranscriptActivities({
      storage: s3Storage,
      fetch: cdn.fetch,
      loadSource: async () => ticketAtClose(),
    });
    const ref = await activities.renderTranscript(input);
    const objects = async () =>
      ((await s3.client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((object) => [
        object.Key,
        object.ETag,
      ]);
    const stored = await objects();
    expect(stored.length).toBeGreaterThan(5);
    expect(stored.every(([key]) => key?.startsWith(`production/${SYNTHETIC_GUILD_ID}/0042/`))).toBe(true);
    expect(stored.map(([key]) => key)).toContain(`production/${SYNTHETIC_GUILD_ID}/0042/transcript.jsonl.gz`);

    const { header, messages } = await loadTranscript(s3Storage, ref.key);
    expect(header.ticket).toMatchObject({ number: 42, closeReason: 'Solved' });
    let saved = 0;
    for await (const message of messages) {
      for (const attachment of message.attachments.filter((each) => each.key !== null)) {
        expect(await s3Storage.readMedia(attachment.key as string)).not.toBeNull();
        saved++;
      }
    }
    expect(saved).toBeGreaterThan(5);

    expect(await activities.renderTranscript(input)).toEqual(ref);
    expect(await objects()).toEqual(stored);
  });
});
