import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peakMemory } from '../../bench/transcripts/peak-memory.ts';
import { syntheticTicket } from '../../bench/transcripts/synthetic-ticket.ts';
import { buildTranscript } from '../../transcripts/build-transcript.ts';
import { FileTranscriptStorage } from '../../transcripts/fs-storage.ts';
import { prefixMediaResolver } from '../../transcripts/media-resolver.ts';
import { writeTranscriptHtml } from '../../transcripts/render-html.ts';
import { loadTranscript, storeTranscript } from '../../transcripts/transcript-codec.ts';

/**
 * The stated bounds for streaming a stored ticket to HTML: what it keeps alive at once stays under
 * LIVE_BOUND_MB, and its peak (garbage awaiting collection included) does not grow with the ticket.
 */
const LIVE_BOUND_MB = 16;
const PEAK_BOUND_MB = 96;

let root: string;
let storage: FileTranscriptStorage;
const keys: Record<number, string> = {};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'transcript-stream-'));
  storage = new FileTranscriptStorage(root);
  for (const [size, number] of [
    [10_000, 1],
    [30_000, 2],
  ] as const) {
    const { source, media } = syntheticTicket(size, number);
    source.ticket.number = number;
    keys[size] = (await storeTranscript(storage, buildTranscript(source, media))).key;
  }
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Counts what it is given and keeps none of it, as a socket or a file would. */
function countingSink(): { sink: Writable; written: () => number } {
  let bytes = 0;
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.byteLength;
      // Drain asynchronously, so backpressure is real.
      setImmediate(done);
    },
  });
  return { sink, written: () => bytes };
}

async function streamStored(size: number) {
  const { sink, written } = countingSink();
  const use = await peakMemory(async () => {
    const stream = await loadTranscript(storage, keys[size] as string);
    return writeTranscriptHtml(stream, sink, { media: prefixMediaResolver('/media/') });
  });
  return { ...use, bytes: use.result.bytes, written: written() };
}

describe('streaming a long ticket', () => {
  it(`renders 10,000 stored messages to a stream keeping under ${LIVE_BOUND_MB} MB alive, flat as the ticket grows`, async () => {
    const ten = await streamStored(10_000);
    const thirty = await streamStored(30_000);
    expect(ten.written).toBe(ten.bytes);
    expect(ten.bytes).toBeGreaterThan(10_000 * 400);
    expect(thirty.bytes).toBeGreaterThan(ten.bytes * 2.5);
    console.log(
      `streamed 10,000 messages (${(ten.bytes / 1e6).toFixed(1)} MB of HTML): ${ten.liveGrowthMb.toFixed(1)} MB live, ${ten.peakGrowthMb.toFixed(1)} MB peak heap growth; ` +
        `30,000 (${(thirty.bytes / 1e6).toFixed(1)} MB): ${thirty.liveGrowthMb.toFixed(1)} MB live, ${thirty.peakGrowthMb.toFixed(1)} MB peak`,
    );
    for (const run of [ten, thirty]) {
      expect(run.liveGrowthMb).toBeLessThan(LIVE_BOUND_MB);
      expect(run.peakGrowthMb).toBeLessThan(PEAK_BOUND_MB);
    }
    // Three times the messages, not three times the memory: nothing accumulates.
    expect(thirty.peakGrowthMb).toBeLessThan(ten.peakGrowthMb * 1.25 + 4);
    // Holding the document would take at least its size.
    expect(thirty.liveGrowthMb * 1024 * 1024).toBeLessThan(thirty.bytes);
  });
});
