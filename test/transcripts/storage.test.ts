import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTranscriptsDir, FileTranscriptStorage } from '../../activities/transcripts/fs-storage.ts';
import { InvalidStorageKeyError, parseTranscriptKey, transcriptKey } from '../../activities/transcripts/keys.ts';
import { TranscriptNotFoundError } from '../../activities/transcripts/storage.ts';
import {
  DamagedTranscriptError,
  loadTranscript,
  serializeTranscript,
  storeTranscript,
} from '../../activities/transcripts/transcript-codec.ts';
import { GUILD_ID, message, TRANSCRIPT_KEY, transcriptOf } from './fixtures.ts';

let root: string;
let storage: FileTranscriptStorage;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'transcripts-'));
  storage = new FileTranscriptStorage(root);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sample = () =>
  transcriptOf({
    messages: [
      message({ content: 'first line\nsecond line with "quotes" and \u2028 separators' }),
      message({ content: 'x'.repeat(5000) }),
      message({ id: 'event:opened-1', system: { kind: 'opened', subjectId: null } }),
    ],
  });

async function collect<T>(items: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('keys', () => {
  it('are guild id and zero-padded ticket number', () => {
    expect(transcriptKey({ guildId: GUILD_ID, number: 7 })).toBe(`${GUILD_ID}/0007`);
    expect(transcriptKey({ guildId: GUILD_ID, number: 123456 })).toBe(`${GUILD_ID}/123456`);
    expect(parseTranscriptKey(`${GUILD_ID}/0007`)).toEqual({ guildId: GUILD_ID, number: 7 });
  });

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
  ])('refuses %j', async (key) => {
    expect(() => parseTranscriptKey(key)).toThrow(InvalidStorageKeyError);
    await expect(storage.writeTranscript(key, ['{}'])).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.hasTranscript(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(collect(storage.readTranscript(key))).rejects.toThrow(InvalidStorageKeyError);
    expect(await readdir(root)).toEqual([]);
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
    await expect(storage.putMedia(TRANSCRIPT_KEY, Buffer.from('x'), '../png')).rejects.toThrow(InvalidStorageKeyError);
  });

  it('default to <repo>/.data/transcripts unless TRANSCRIPTS_DIR says otherwise', () => {
    const before = process.env.TRANSCRIPTS_DIR;
    try {
      delete process.env.TRANSCRIPTS_DIR;
      expect(defaultTranscriptsDir()).toBe(join(process.cwd(), '.data', 'transcripts'));
      process.env.TRANSCRIPTS_DIR = root;
      expect(defaultTranscriptsDir()).toBe(root);
      expect(new FileTranscriptStorage().root).toBe(root);
    } finally {
      if (before === undefined) delete process.env.TRANSCRIPTS_DIR;
      else process.env.TRANSCRIPTS_DIR = before;
    }
  });
});

describe('stored transcripts', () => {
  it('round-trip through gzip-compressed JSON Lines, private to the owner', async () => {
    const transcript = sample();
    const { key, bytes } = await storeTranscript(storage, transcript);
    expect(key).toBe(TRANSCRIPT_KEY);
    const file = join(root, GUILD_ID, '0007', 'transcript.jsonl.gz');
    const onDisk = await readFile(file);
    expect(onDisk.byteLength).toBe(bytes);
    expect([...onDisk.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const lines = gunzipSync(onDisk).toString('utf8').split('\n');
    expect(lines).toHaveLength(5); // header, three entries, the final newline
    expect(bytes).toBeLessThan(gunzipSync(onDisk).byteLength / 4);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, GUILD_ID))).mode & 0o777).toBe(0o700);

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

  it('replaces a transcript atomically, and a failed write leaves the old one and no stray file', async () => {
    const first = sample();
    await storeTranscript(storage, first);
    const folder = join(root, GUILD_ID, '0007');
    const before = await readFile(join(folder, 'transcript.jsonl.gz'));

    async function* failingHalfway() {
      const lines = [...serializeTranscript(first)];
      yield lines[0] as string;
      yield lines[1] as string;
      throw new Error('worker lost mid-write');
    }
    await expect(storage.writeTranscript(TRANSCRIPT_KEY, failingHalfway())).rejects.toThrow('worker lost mid-write');
    expect(await readFile(join(folder, 'transcript.jsonl.gz'))).toEqual(before);
    expect(await readdir(folder)).toEqual(['transcript.jsonl.gz']);

    await expect(storage.writeTranscript(TRANSCRIPT_KEY, ['a line\nwith a newline'])).rejects.toThrow('newline');
    expect(await readdir(folder)).toEqual(['transcript.jsonl.gz']);
  });

  it('lets readers see the old or the new transcript while it is being replaced, never part of one', async () => {
    const small = sample();
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

  it('refuses a damaged or truncated transcript loudly', async () => {
    const folder = join(root, GUILD_ID, '0007');
    const lines = [...serializeTranscript(sample())];
    await storage.writeTranscript(TRANSCRIPT_KEY, lines.slice(0, 3));
    const truncated = await loadTranscript(storage, TRANSCRIPT_KEY);
    await expect(collect(truncated.messages)).rejects.toThrow(DamagedTranscriptError);

    await storage.writeTranscript(TRANSCRIPT_KEY, [lines[0] as string, '{"id":"x"}']);
    await expect(collect((await loadTranscript(storage, TRANSCRIPT_KEY)).messages)).rejects.toThrow(/line 2/);

    await storage.writeTranscript(TRANSCRIPT_KEY, ['{"format":"something else"}']);
    await expect(loadTranscript(storage, TRANSCRIPT_KEY)).rejects.toThrow(DamagedTranscriptError);

    await writeFile(join(folder, 'transcript.jsonl.gz'), 'not gzip at all');
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
    const folder = join(root, GUILD_ID, '0007', 'media');
    expect(await readdir(folder)).toHaveLength(1);
    expect((await stat(join(folder, (await readdir(folder))[0] as string))).mode & 0o777).toBe(0o600);
    expect(await storage.readMedia(key.replace(/[0-9a-f]{64}/, 'f'.repeat(64)))).toBeNull();
  });
});
