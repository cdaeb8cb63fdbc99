import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syntheticTicket } from '../../bench/transcripts/synthetic-ticket.ts';
import { FileTranscriptStorage } from '../../transcripts/fs-storage.ts';
import { collectMedia, copyMediaIn, type MediaItem } from '../../transcripts/media-copy.ts';
import { cdnBody, type DiscordCdn, startDiscordCdn } from './discord-cdn.ts';
import { TRANSCRIPT_KEY } from './fixtures.ts';

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
  root = await mkdtemp(join(tmpdir(), 'transcript-media-'));
  storage = new FileTranscriptStorage(root);
  cdn.served.length = 0;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const ATTACHMENTS = 'https://cdn.discordapp.com/attachments/900000000000000999';
const item = (path: string, declaredSize: number | null = null, contentType: string | null = null): MediaItem => ({
  url: `${ATTACHMENTS}/${path}`,
  declaredSize,
  contentType,
});

describe('copying media in at close', () => {
  it('stores each file once, under the transcript, keyed by content', async () => {
    const png = item('900000000000000801/shot.png?ex=1&is=2&hm=3', cdnBody('x').body.length, 'image/png');
    const log = item('900000000000000802/error.log', 5000, 'text/plain');
    const copies = await copyMediaIn({ transcriptKey: TRANSCRIPT_KEY, items: [png, log], storage, fetch: cdn.fetch });
    const saved = copies.get(png.url);
    expect(saved?.unsaved).toBeNull();
    expect(saved?.key).toMatch(new RegExp(`^${TRANSCRIPT_KEY}/media/[0-9a-f]{64}\\.png$`));
    expect(copies.get(log.url)?.key).toMatch(/\.txt$/);
    const stored = await storage.readMedia(saved?.key as string);
    expect(Buffer.from(stored as Uint8Array)).toEqual(
      cdnBody('cdn.discordapp.com/attachments/900000000000000999/900000000000000801/shot.png').body,
    );
  });

  it('skips a file over the per-file cap without downloading it, and stops one that turns out bigger', async () => {
    const declared = item('900000000000000803/huge.zip', 30 * 1024 * 1024, 'application/zip');
    const undeclared = item('big-300000/stream.bin', null, null);
    const copies = await copyMediaIn({
      transcriptKey: TRANSCRIPT_KEY,
      items: [declared, undeclared],
      storage,
      fetch: cdn.fetch,
      limits: { maxFileBytes: 100_000, maxTicketBytes: 10_000_000 },
    });
    expect(copies.get(declared.url)).toEqual({ key: null, unsaved: 'too_large' });
    expect(copies.get(undeclared.url)).toEqual({ key: null, unsaved: 'too_large' });
    expect(cdn.served).toEqual(['cdn.discordapp.com/attachments/900000000000000999/big-300000/stream.bin']);
  });

  it('stops saving when the ticket reaches its cap, and says so for the rest', async () => {
    const items = [1, 2, 3, 4].map((n) => item(`90000000000000081${n}/part${n}.bin`, 1280, 'application/octet-stream'));
    const copies = await copyMediaIn({
      transcriptKey: TRANSCRIPT_KEY,
      items,
      storage,
      fetch: cdn.fetch,
      limits: { maxFileBytes: 10_000, maxTicketBytes: 3000 },
      concurrency: 1,
    });
    expect(items.map((each) => copies.get(each.url)?.unsaved ?? 'saved')).toEqual([
      'saved',
      'saved',
      'ticket_cap',
      'ticket_cap',
    ]);
  });

  it('marks failed downloads, refused redirects and other hosts, and carries on', async () => {
    const missing = item('missing/gone.png', 100, 'image/png');
    const reset = item('reset/cut.png', 100, 'image/png');
    const redirect = item('redirect/away.png', 100, 'image/png');
    const elsewhere: MediaItem = {
      url: 'https://images.example.com/x.png',
      declaredSize: 10,
      contentType: 'image/png',
    };
    const plainHttp: MediaItem = { url: 'http://cdn.discordapp.com/x.png', declaredSize: 10, contentType: 'image/png' };
    const withPort: MediaItem = {
      url: 'https://cdn.discordapp.com:8443/x.png',
      declaredSize: 10,
      contentType: 'image/png',
    };
    const fine = item('900000000000000820/fine.png', cdnBody('x').body.length, 'image/png');
    const copies = await copyMediaIn({
      transcriptKey: TRANSCRIPT_KEY,
      items: [missing, reset, redirect, elsewhere, plainHttp, withPort, fine],
      storage,
      fetch: cdn.fetch,
    });
    expect(copies.get(missing.url)?.unsaved).toBe('fetch_failed');
    expect(copies.get(reset.url)?.unsaved).toBe('fetch_failed');
    expect(copies.get(redirect.url)?.unsaved).toBe('fetch_failed');
    expect(copies.get(elsewhere.url)?.unsaved).toBe('host_not_allowed');
    expect(copies.get(plainHttp.url)?.unsaved).toBe('host_not_allowed');
    expect(copies.get(withPort.url)?.unsaved).toBe('host_not_allowed');
    expect(copies.get(fine.url)?.unsaved).toBeNull();
    expect(cdn.served).not.toContain('images.example.com/x.png');
  });

  it("collects a ticket's avatars, emoji, stickers, attachments and embed images once each", () => {
    const { source } = syntheticTicket(400);
    const items = collectMedia(source);
    const urls = items.map((each) => each.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.filter((url) => url.includes('/avatars/'))).toHaveLength(4);
    expect(urls.some((url) => url.includes('/emojis/'))).toBe(true);
    const attachments = source.messages.flatMap((each) => each.attachments);
    expect(attachments.length).toBeGreaterThan(10);
    for (const attachment of attachments) {
      expect(items).toContainEqual({
        url: attachment.url,
        declaredSize: attachment.size,
        contentType: attachment.contentType,
      });
    }
  });
});
