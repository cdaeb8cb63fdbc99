/**
 * TranscriptStorage on the local filesystem, under `$TRANSCRIPTS_DIR` (default `<repo>/.data/transcripts`):
 *   <guildId>/<0042>/transcript.jsonl.gz     the canonical transcript, gzip-compressed
 *   <guildId>/<0042>/media/<sha256>.<ext>    copied attachments and images, as fetched (mostly compressed already)
 * Every write goes to a temporary file in the same folder, is flushed, then renamed over the target, so a
 * retried or crashed activity never leaves half a file where a reader looks. Files are private to the owner.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { compressLines, decompressLines } from './gzip-lines.ts';
import { assertMediaKey, mediaKey, parseTranscriptKey } from './keys.ts';
import { TranscriptNotFoundError, type TranscriptStorage } from './storage.ts';

const TRANSCRIPT_FILE = 'transcript.jsonl.gz';

export function defaultTranscriptsDir(): string {
  const fromEnv = process.env.TRANSCRIPTS_DIR;
  if (fromEnv !== undefined && fromEnv !== '') return resolve(fromEnv);
  return fileURLToPath(new URL('../.data/transcripts', import.meta.url));
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

export class FileTranscriptStorage implements TranscriptStorage {
  readonly root: string;

  constructor(root: string = defaultTranscriptsDir()) {
    this.root = resolve(root);
  }

  /** The folder of a transcript, from a key that passed validation, checked once more to lie inside the root. */
  private folderOf(key: string): string {
    const { guildId } = parseTranscriptKey(key);
    const folder = resolve(this.root, guildId, key.slice(guildId.length + 1));
    if (!folder.startsWith(this.root + sep)) throw new Error(`transcript key escapes the storage root: ${key}`);
    return folder;
  }

  private async writeAtomically(target: string, write: (temporary: string) => Promise<void>): Promise<number> {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const temporary = join(dirname(target), `.${randomUUID()}.tmp`);
    try {
      await write(temporary);
      const handle = await open(temporary, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
      // Make the rename itself durable, so a crash right after cannot bring back the old file.
      const folder = await open(dirname(target), 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return (await stat(target)).size;
  }

  async writeTranscript(key: string, lines: Iterable<string> | AsyncIterable<string>): Promise<{ bytes: number }> {
    const target = join(this.folderOf(key), TRANSCRIPT_FILE);
    const bytes = await this.writeAtomically(target, (temporary) =>
      compressLines(lines, createWriteStream(temporary, { flags: 'wx', mode: 0o600 })),
    );
    return { bytes };
  }

  readTranscript(key: string): AsyncIterable<string> {
    return decompressLines(async () => {
      const file = join(this.folderOf(key), TRANSCRIPT_FILE);
      const handle = await open(file, 'r').catch((error: unknown) => {
        throw isMissing(error) ? new TranscriptNotFoundError(key) : error;
      });
      return handle.createReadStream();
    });
  }

  async hasTranscript(key: string): Promise<boolean> {
    try {
      await stat(join(this.folderOf(key), TRANSCRIPT_FILE));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async deleteTranscript(key: string): Promise<{ files: number }> {
    const folder = this.folderOf(key);
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch((error: unknown) =>
      isMissing(error) ? [] : Promise.reject(error),
    );
    await rm(folder, { recursive: true, force: true });
    return { files: entries.filter((entry) => entry.isFile()).length };
  }

  async putMedia(transcriptKey: string, body: Uint8Array, extension: string): Promise<string> {
    const key = mediaKey(transcriptKey, createHash('sha256').update(body).digest('hex'), extension);
    const target = this.mediaPath(key);
    // Content-addressed: a file already there holds these very bytes.
    const existing = await stat(target).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
    if (existing === null || existing.size !== body.byteLength) {
      await this.writeAtomically(target, (temporary) =>
        pipeline(Readable.from([body]), createWriteStream(temporary, { flags: 'wx', mode: 0o600 })),
      );
    }
    return key;
  }

  async readMedia(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.mediaPath(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private mediaPath(key: string): string {
    assertMediaKey(key);
    const [guildId, number, , file] = key.split('/') as [string, string, string, string];
    return join(this.folderOf(`${guildId}/${number}`), 'media', file);
  }
}
