import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultTranscriptsDir, FileTranscriptStorage } from '../../transcripts/fs-storage.ts';
import {
  InvalidStorageKeyError,
  normalizeKeyPrefix,
  parseTranscriptKey,
  transcriptKey,
} from '../../transcripts/keys.ts';
import { storeTranscript } from '../../transcripts/transcript-codec.ts';
import { GUILD_ID } from './fixtures.ts';
import { describeTranscriptStorageContract, sampleTranscript, TRANSCRIPT_PATH } from './storage-contract.ts';

describe('FileTranscriptStorage', () => {
  describeTranscriptStorageContract(async () => {
    const root = await mkdtemp(join(tmpdir(), 'transcripts-'));
    return {
      storage: new FileTranscriptStorage(root),
      stored: async () =>
        (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
          .sort(),
      readStored: (path) => readFile(join(root, path)),
      overwriteStored: (path, body) => writeFile(join(root, path), body),
      close: () => rm(root, { recursive: true, force: true }),
    };
  });

  describe('on disk', () => {
    let root: string;
    beforeEach(async () => {
      root = await mkdtemp(join(tmpdir(), 'transcripts-'));
    });
    afterEach(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('keeps transcripts and media private to the owner', async () => {
      const storage = new FileTranscriptStorage(root);
      await storeTranscript(storage, sampleTranscript());
      const media = await storage.putMedia(`${GUILD_ID}/0007`, Buffer.from('a picture'), 'png');
      expect((await stat(join(root, TRANSCRIPT_PATH))).mode & 0o777).toBe(0o600);
      expect((await stat(join(root, media))).mode & 0o777).toBe(0o600);
      expect((await stat(join(root, GUILD_ID))).mode & 0o777).toBe(0o700);
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
});

describe('keys', () => {
  it('are guild id and zero-padded ticket number', () => {
    expect(transcriptKey({ guildId: GUILD_ID, number: 7 })).toBe(`${GUILD_ID}/0007`);
    expect(transcriptKey({ guildId: GUILD_ID, number: 123456 })).toBe(`${GUILD_ID}/123456`);
    expect(parseTranscriptKey(`${GUILD_ID}/0007`)).toEqual({ guildId: GUILD_ID, number: 7 });
  });

  it.each([`${GUILD_ID}/../../etc`, `${GUILD_ID}/7`, `${GUILD_ID}/0000`, `${GUILD_ID}/0007/`, '12/0007'])(
    'refuses %j',
    (key) => {
      expect(() => parseTranscriptKey(key)).toThrow(InvalidStorageKeyError);
    },
  );

  it('take a prefix of folder names, so deployments can share a bucket', () => {
    expect(normalizeKeyPrefix('')).toBe('');
    expect(normalizeKeyPrefix('prod')).toBe('prod/');
    expect(normalizeKeyPrefix('prod/')).toBe('prod/');
    expect(normalizeKeyPrefix('eu.west/ticket_flow-2/')).toBe('eu.west/ticket_flow-2/');
    for (const hostile of ['/prod', 'prod//', '../prod', 'prod/..', './x', 'a b', 'prod\\x', 'é']) {
      expect(() => normalizeKeyPrefix(hostile), hostile).toThrow(InvalidStorageKeyError);
    }
  });
});
