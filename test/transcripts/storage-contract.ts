/**
 * What every TranscriptStorage must do, run against each implementation (storage.test.ts for the filesystem,
 * s3-storage.test.ts for S3) so they stay equivalent. Each implementation shows its stored state as paths
 * under its root, the same layout for all: `<guild id>/<0042>/transcript.jsonl.gz`, `.../media/<file>`.
 */
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectGarbage, memoryInUse } from '../../bench/transcripts/peak-memory.ts';
import { InvalidStorageKeyError } from '../../transcripts/keys.ts';
import { TranscriptNotFoundError, type TranscriptStorage } from '../../transcripts/storage.ts';
import {
  DamagedTranscriptError,
  loadTranscript,
  serializeTranscript,
  storeTranscript,
} from '../../transcripts/transcript-codec.ts';
import { GUILD_ID, message, TRANSCRIPT_KEY, transcriptOf } from './fixtures.ts';

export interface StorageUnderTest {
  storage: TranscriptStorage;
  /**
   * Everything the storage holds, sorted, including what a reader never sees (temporary files, unfinished
   * uploads): after any write, finished or failed, only the intended paths may be there.
   */
  stored(): Promise<string[]>;
  readStored(path: string): Promise<Buffer>;
  /** Replaces what is stored at `path`, as damage on disk or a foreign writer would. */
  overwriteStored(path: string, body: Buffer): Promise<void>;
  close(): Promise<void>;
}

export const TRANSCRIPT_PATH = `${TRANSCRIPT_KEY}/transcript.jsonl.gz`;

/** A compressed transcript several times the largest buffer a storage may hold (an S3 part is 5 MiB). */
const LARGE_LINES = 6000;
const LARGE_LINE_BYTES = 6 * 1024;
/** What a large write or read may keep alive at once: a part or two, never the transcript (~35 MB). */
const LARGE_LIVE_BOUND_MB = 16;
const SAMPLE_EVERY_LINES = 250;

export function sampleTranscript() {
  return transcriptOf({
    messages: [
      message({ content: 'first line\nsecond line with "quotes" and \u2028 separators' }),
      message({ content: 'x'.repeat(5000) }),
      message({ id: 'event:opened-1', system: { kind: 'opened', subjectId: null } }),
    ],
  });
}

export async function collect<T>(items: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/**
 * The most memory truly alive at the moments `sample` is called during a piece of work, above where it
 * started. Each look collects garbage first and waits for Buffers' memory to be given back (that happens off
 * the main thread), the start longer, so what earlier work let go of is not counted.
 */
async function liveMemoryProbe() {
  const settled = async (ms: number) => {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, ms));
    collectGarbage();
    return memoryInUse();
  };
  const start = await settled(100);
  let most = start;
  return {
    sample: async () => {
      most = Math.max(most, await settled(5));
    },
    growthMb: () => (most - start) / 1024 / 1024,
  };
}

/** Lines that gzip cannot shrink much, made as they are read: the test itself holds none of them. */
async function* largeLines(
  count: number,
  options: { failAfter?: number; onEvery?: () => Promise<void> } = {},
): AsyncGenerator<string> {
  for (let index = 0; index < count; index++) {
    if (index === options.failAfter) throw new Error('worker lost mid-write');
    if (index % SAMPLE_EVERY_LINES === 0) await options.onEvery?.();
    yield `${index} ${randomBytes(LARGE_LINE_BYTES).toString('base64')}`;
  }
}

export function describeTranscriptStorageContract(open: () => Promise<StorageUnderTest>): void {
  let under: StorageUnderTest;
  let storage: TranscriptStorage;

  beforeEach(async () => {
    under = await open();
    storage = under.storage;
  });
  afterEach(async () => {
    await under.close();
  });

  describe('keys', () => {
    it.each([
      '../etc/passwd',
      `${GUILD_ID}/../../etc`,
      `${GUILD_ID}/0007/../0008`,
      `/${GUILD_ID}/0007`,
      `${GUILD_ID}\\0007`,
      `${GUILD_ID}/7`,
      `${GUILD_ID}/00007`,
      `${GUILD_ID}/0000`,
      `${GUILD_ID}/0007\u0000`,
      `${GUILD_ID}/0007/`,
      '12/0007',
      '',
    ])('refuses transcript key %j and stores nothing', async (key) => {
      await expect(storage.writeTranscript(key, ['{}'])).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.hasTranscript(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(collect(storage.readTranscript(key))).rejects.toThrow(InvalidStorageKeyError);
      expect(await under.stored()).toEqual([]);
    });

    it.each([
      `${TRANSCRIPT_KEY}/media/../../../x`,
      `${TRANSCRIPT_KEY}/media/${'a'.repeat(64)}.png/../x`,
      `${TRANSCRIPT_KEY}/media/${'A'.repeat(64)}.png`,
      `${TRANSCRIPT_KEY}/media/${'a'.repeat(63)}.png`,
      `${TRANSCRIPT_KEY}/other/${'a'.repeat(64)}.png`,
    ])('refuses media key %j', async (key) => {
      await expect(storage.readMedia(key)).rejects.toThrow(InvalidStorageKeyError);
    });

    it('refuses a hostile file extension for media', async () => {
      await expect(storage.putMedia(TRANSCRIPT_KEY, Buffer.from('x'), '../png')).rejects.toThrow(
        InvalidStorageKeyError,
      );
      expect(await under.stored()).toEqual([]);
    });
  });

  describe('stored transcripts', () => {
    it('round-trip through gzip-compressed JSON Lines', async () => {
      const transcript = sampleTranscript();
      const { key, bytes } = await storeTranscript(storage, transcript);
      expect(key).toBe(TRANSCRIPT_KEY);
      expect(await under.stored()).toEqual([TRANSCRIPT_PATH]);
      const raw = await under.readStored(TRANSCRIPT_PATH);
      expect(raw.byteLength).toBe(bytes);
      expect([...raw.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
      const lines = gunzipSync(raw).toString('utf8').split('\n');
      expect(lines).toHaveLength(5); // header, three entries, the final newline
      expect(bytes).toBeLessThan(gunzipSync(raw).byteLength / 4);

      expect(await storage.hasTranscript(key)).toBe(true);
      const loaded = await loadTranscript(storage, key);
      const { messages, ...header } = transcript;
      expect(loaded.header).toEqual(header);
      expect(await collect(loaded.messages)).toEqual(messages);
    });

    it('says so when there is none', async () => {
      expect(await storage.hasTranscript(TRANSCRIPT_KEY)).toBe(false);
      await expect(loadTranscript(storage, TRANSCRIPT_KEY)).rejects.toThrow(TranscriptNotFoundError);
    });

    it('stores the same state when a write is retried', async () => {
      const transcript = sampleTranscript();
      await storeTranscript(storage, transcript);
      const first = await under.readStored(TRANSCRIPT_PATH);
      await storeTranscript(storage, transcript);
      expect(await under.stored()).toEqual([TRANSCRIPT_PATH]);
      expect(gunzipSync(await under.readStored(TRANSCRIPT_PATH))).toEqual(gunzipSync(first));
    });

    it('replaces a transcript atomically, and a failed write leaves the old one and nothing else', async () => {
      const first = sampleTranscript();
      await storeTranscript(storage, first);
      const before = await under.readStored(TRANSCRIPT_PATH);

      async function* failingHalfway() {
        const lines = [...serializeTranscript(first)];
        yield lines[0] as string;
        yield lines[1] as string;
        throw new Error('worker lost mid-write');
      }
      await expect(storage.writeTranscript(TRANSCRIPT_KEY, failingHalfway())).rejects.toThrow('worker lost mid-write');
      expect(await under.readStored(TRANSCRIPT_PATH)).toEqual(before);
      expect(await under.stored()).toEqual([TRANSCRIPT_PATH]);

      await expect(storage.writeTranscript(TRANSCRIPT_KEY, ['a line\nwith a newline'])).rejects.toThrow('newline');
      expect(await under.stored()).toEqual([TRANSCRIPT_PATH]);
      expect(await under.readStored(TRANSCRIPT_PATH)).toEqual(before);
    });

    it('leaves nothing behind when a large write fails after megabytes were written', async () => {
      await expect(
        storage.writeTranscript(TRANSCRIPT_KEY, largeLines(LARGE_LINES, { failAfter: 2000 })),
      ).rejects.toThrow('worker lost mid-write');
      expect(await under.stored()).toEqual([]);
      expect(await storage.hasTranscript(TRANSCRIPT_KEY)).toBe(false);
    });

    it('lets readers see the old or the new transcript while it is being replaced, never part of one', async () => {
      const small = sampleTranscript();
      const large = transcriptOf({
        messages: Array.from({ length: 3000 }, (_, i) => message({ content: `message ${i} ${'y'.repeat(200)}` })),
      });
      await storeTranscript(storage, small);
      const writing = storeTranscript(storage, large);
      const seen = new Set<number>();
      for (let i = 0; i < 20; i++) {
        const loaded = await loadTranscript(storage, TRANSCRIPT_KEY);
        seen.add((await collect(loaded.messages)).length);
      }
      await writing;
      seen.add((await collect((await loadTranscript(storage, TRANSCRIPT_KEY)).messages)).length);
      expect([...seen].every((count) => count === 3 || count === 3000)).toBe(true);
      expect(seen.has(3000)).toBe(true);
    });

    it(`streams a large transcript both ways keeping under ${LARGE_LIVE_BOUND_MB} MB alive`, async () => {
      const writing = await liveMemoryProbe();
      const { bytes } = await storage.writeTranscript(
        TRANSCRIPT_KEY,
        largeLines(LARGE_LINES, { onEvery: writing.sample }),
      );
      const reading = await liveMemoryProbe();
      let count = 0;
      for await (const line of storage.readTranscript(TRANSCRIPT_KEY)) {
        if (!line.startsWith(`${count} `)) throw new Error(`line ${count} is out of place`);
        if (++count % SAMPLE_EVERY_LINES === 0) await reading.sample();
      }
      const storedMb = bytes / 1024 / 1024;
      console.log(
        `stored ${storedMb.toFixed(1)} MB: at most ${writing.growthMb().toFixed(1)} MB alive writing, ` +
          `${reading.growthMb().toFixed(1)} MB reading`,
      );
      expect(count).toBe(LARGE_LINES);
      expect(storedMb).toBeGreaterThan(2 * LARGE_LIVE_BOUND_MB);
      expect(writing.growthMb()).toBeLessThan(LARGE_LIVE_BOUND_MB);
      expect(reading.growthMb()).toBeLessThan(LARGE_LIVE_BOUND_MB);
      expect(await under.stored()).toEqual([TRANSCRIPT_PATH]);
    });

    it('refuses a damaged or truncated transcript loudly', async () => {
      const lines = [...serializeTranscript(sampleTranscript())];
      await storage.writeTranscript(TRANSCRIPT_KEY, lines.slice(0, 3));
      const truncated = await loadTranscript(storage, TRANSCRIPT_KEY);
      await expect(collect(truncated.messages)).rejects.toThrow(DamagedTranscriptError);

      await storage.writeTranscript(TRANSCRIPT_KEY, [lines[0] as string, '{"id":"x"}']);
      await expect(collect((await loadTranscript(storage, TRANSCRIPT_KEY)).messages)).rejects.toThrow(/line 2/);

      await storage.writeTranscript(TRANSCRIPT_KEY, ['{"format":"something else"}']);
      await expect(loadTranscript(storage, TRANSCRIPT_KEY)).rejects.toThrow(DamagedTranscriptError);

      await under.overwriteStored(TRANSCRIPT_PATH, Buffer.from('not gzip at all'));
      await expect(loadTranscript(storage, TRANSCRIPT_KEY)).rejects.toThrow();
    });
  });

  describe('stored media', () => {
    it('is content-addressed under its transcript, stored once however often it is put', async () => {
      const body = Buffer.from('an image, supposedly');
      const key = await storage.putMedia(TRANSCRIPT_KEY, body, 'png');
      expect(key).toMatch(new RegExp(`^${TRANSCRIPT_KEY}/media/[0-9a-f]{64}\\.png$`));
      expect(await storage.putMedia(TRANSCRIPT_KEY, body, 'png')).toBe(key);
      expect(Buffer.from((await storage.readMedia(key)) as Uint8Array)).toEqual(body);
      expect(await under.stored()).toEqual([key]);
      expect(await under.readStored(key)).toEqual(body);
      expect(await storage.readMedia(key.replace(/[0-9a-f]{64}/, 'f'.repeat(64)))).toBeNull();
    });

    it('is deleted with its transcript, once, leaving other tickets of the guild alone', async () => {
      const neighbour = `${GUILD_ID}/0070`;
      await storeTranscript(storage, sampleTranscript());
      const media = await Promise.all([
        storage.putMedia(TRANSCRIPT_KEY, Buffer.from('one picture'), 'png'),
        storage.putMedia(TRANSCRIPT_KEY, Buffer.from('another'), 'jpg'),
      ]);
      await storage.writeTranscript(neighbour, ['{}']);
      const kept = await storage.putMedia(neighbour, Buffer.from('one picture'), 'png');

      expect(await storage.deleteTranscript(TRANSCRIPT_KEY)).toEqual({ files: 3 });
      expect(await storage.hasTranscript(TRANSCRIPT_KEY)).toBe(false);
      for (const key of media) expect(await storage.readMedia(key)).toBeNull();
      expect(await under.stored()).toEqual([`${neighbour}/transcript.jsonl.gz`, kept].sort());
      expect(await storage.deleteTranscript(TRANSCRIPT_KEY)).toEqual({ files: 0 });
      await expect(storage.deleteTranscript(`${GUILD_ID}/../0070`)).rejects.toThrow(InvalidStorageKeyError);
      expect(await storage.hasTranscript(neighbour)).toBe(true);
    });

    it('repairs a damaged copy when the same file is put again', async () => {
      const body = Buffer.from('the real picture');
      const key = await storage.putMedia(TRANSCRIPT_KEY, body, 'png');
      await under.overwriteStored(key, Buffer.from('cut'));
      await storage.putMedia(TRANSCRIPT_KEY, body, 'png');
      expect(Buffer.from((await storage.readMedia(key)) as Uint8Array)).toEqual(body);
    });
  });
}
