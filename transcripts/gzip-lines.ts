/**
 * A transcript's stored form, the same in every storage: its lines, each ended by a newline, gzip-compressed.
 * Both directions stream, so a transcript of any length passes through in bounded memory.
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

const WRITE_BATCH_CHARS = 64 * 1024;

/** Joins lines into newline-terminated batches: gzip works far faster on a few large writes. */
async function* batched(lines: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  let batch = '';
  for await (const line of lines) {
    if (line.includes('\n')) throw new Error('a transcript line may not contain a newline');
    batch += `${line}\n`;
    if (batch.length >= WRITE_BATCH_CHARS) {
      yield batch;
      batch = '';
    }
  }
  if (batch !== '') yield batch;
}

/**
 * Compresses the lines into `sink`, a stream or a function consuming the compressed chunks. Rejects, with
 * the sink stopped, when the lines fail (or hold a newline) or the sink does.
 */
export async function compressLines(
  lines: Iterable<string> | AsyncIterable<string>,
  sink: Writable | ((compressed: AsyncIterable<Buffer>) => Promise<void>),
): Promise<void> {
  await pipeline(Readable.from(batched(lines)), createGzip(), sink);
}

/**
 * The lines of a compressed transcript, streamed from the stream `open` resolves to (its failure is the
 * iteration's), which is destroyed once they are read or abandoned. One generator for the whole read: a
 * storage returns it as is, since each further layer costs every line a round of promises.
 */
export async function* decompressLines(open: () => Promise<Readable>): AsyncGenerator<string> {
  const compressed = await open();
  const text = createGunzip();
  compressed.on('error', (error) => text.destroy(error));
  compressed.pipe(text).setEncoding('utf8');
  let pending = '';
  try {
    for await (const chunk of text as AsyncIterable<string>) {
      pending += chunk;
      let newline = pending.indexOf('\n');
      let from = 0;
      while (newline !== -1) {
        yield pending.slice(from, newline);
        from = newline + 1;
        newline = pending.indexOf('\n', from);
      }
      pending = pending.slice(from);
    }
    if (pending !== '') yield pending;
  } finally {
    compressed.destroy();
    text.destroy();
  }
}
