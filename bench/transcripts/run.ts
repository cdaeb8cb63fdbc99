/**
 * Transcript benchmark: the same synthetic tickets (100, 1,000 and 10,000 messages) rendered, in this one
 * process, by this project's renderer, by discord-html-transcripts (the anchor) and by a floor of plain
 * escaped text. Prints a table and writes bench/transcripts/RESULTS.md.
 *
 *   npx tsx bench/transcripts/run.ts                 all sizes, writes RESULTS.md
 *   npx tsx bench/transcripts/run.ts --sizes 100,1000   a quick look, writes nothing
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildTranscript } from '../../transcripts/build-transcript.ts';
import { FileTranscriptStorage } from '../../transcripts/fs-storage.ts';
import { relativeMediaResolver } from '../../transcripts/media-resolver.ts';
import { renderTranscriptHtml } from '../../transcripts/render-html.ts';
import type { Transcript } from '../../transcripts/schema.ts';
import { loadTranscript, storeTranscript } from '../../transcripts/transcript-codec.ts';
import { aliasReactForAnchor } from './anchor-react-alias.ts';
import { renderFloor } from './floor.ts';
import { peakMemory } from './peak-memory.ts';
import { syntheticTicket } from './synthetic-ticket.ts';

const DEFAULT_SIZES = [100, 1000, 10_000];
/** Timed repetitions per size; the median counts. The anchor gets fewer at 10,000: each run takes seconds. */
const REPEATS: Record<string, Record<number, number>> = {
  ours: { 100: 200, 1000: 30, 10000: 15 },
  stored: { 100: 50, 1000: 10, 10000: 3 },
  floor: { 100: 200, 1000: 30, 10000: 15 },
  anchor: { 100: 10, 1000: 5, 10000: 3 },
};

interface Row {
  renderer: string;
  size: number;
  msPer1000: number;
  bytesPerMessage: number;
  gzipBytesPerMessage: number;
  peakGrowthMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function sizesFromArgs(): number[] {
  const index = process.argv.indexOf('--sizes');
  if (index === -1) return DEFAULT_SIZES;
  return (process.argv[index + 1] ?? '').split(',').map((size) => Number(size));
}

async function main(): Promise<void> {
  const sizes = sizesFromArgs();
  // The anchor renders through React: production mode, as a bot would run it.
  process.env.NODE_ENV = 'production';
  aliasReactForAnchor();
  const anchor = await import('discord-html-transcripts');
  const { discordObjectsFor } = await import('./anchor-discord-messages.ts');
  const storageRoot = await mkdtemp(join(tmpdir(), 'transcript-bench-'));
  const storage = new FileTranscriptStorage(storageRoot);
  const rows: Row[] = [];
  const quiet =
    <T>(work: () => Promise<T>) =>
    async () => {
      // The anchor logs every Markdown node it cannot render; terminal output is not rendering time.
      const { log, warn } = console;
      console.log = () => undefined;
      console.warn = () => undefined;
      try {
        return await work();
      } finally {
        console.log = log;
        console.warn = warn;
      }
    };

  for (const size of sizes) {
    const { source, media } = syntheticTicket(size);
    const transcript: Transcript = buildTranscript(source, media);
    const options = { media: relativeMediaResolver(`${source.ticket.guildId}/0042`) };
    const { key } = await storeTranscript(storage, transcript);
    const { channel, messages } = discordObjectsFor(source);
    // Each renderer's output as UTF-8 bytes, as storing or sending it needs: a string built by concatenation
    // defers part of its cost to that moment, so the conversion is part of the work timed. This renderer
    // streams chunks, so its bytes are the chunks' bytes.
    const bytesOf = async (chunks: AsyncIterable<string>) => {
      const buffers: Buffer[] = [];
      for await (const chunk of chunks) buffers.push(Buffer.from(chunk, 'utf8'));
      return Buffer.concat(buffers);
    };
    const renderers: Record<string, () => Promise<Buffer>> = {
      ours: () => bytesOf(renderTranscriptHtml(transcript, options)),
      stored: async () => bytesOf(renderTranscriptHtml(await loadTranscript(storage, key), options)),
      floor: async () => Buffer.from(renderFloor(source), 'utf8'),
      anchor: quiet(async () => {
        const html = await anchor.generateFromMessages(messages, channel, {
          returnType: anchor.ExportReturnType.String,
          saveImages: false,
          poweredBy: false,
        });
        return Buffer.from(String(html), 'utf8');
      }),
    };
    const names = Object.keys(renderers);
    const produce = (name: string) => renderers[name] as () => Promise<Buffer>;
    const outputs: Record<string, { html: Buffer; peakGrowthMb: number }> = {};
    for (const name of names) {
      await produce(name)(); // warm-up: JIT and module caches
      const { result, peakGrowthMb } = await peakMemory(produce(name));
      outputs[name] = { html: result, peakGrowthMb };
    }
    // Interleaved, so a burst of load from elsewhere on the machine hits every renderer alike.
    const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    const rounds = Math.max(...names.map((name) => REPEATS[name]?.[size] ?? 3));
    for (let round = 0; round < rounds; round++) {
      for (const name of names) {
        if ((times[name] as number[]).length >= (REPEATS[name]?.[size] ?? 3)) continue;
        const start = performance.now();
        await produce(name)();
        (times[name] as number[]).push(performance.now() - start);
      }
    }
    for (const name of names) {
      const { html, peakGrowthMb } = outputs[name] as { html: Buffer; peakGrowthMb: number };
      const ms = median(times[name] as number[]);
      const bytes = html.byteLength;
      rows.push({
        renderer: name,
        size,
        msPer1000: (ms / size) * 1000,
        bytesPerMessage: bytes / size,
        gzipBytesPerMessage: gzipSync(html).byteLength / size,
        peakGrowthMb,
      });
      process.stderr.write(`${name} ${size}: ${ms.toFixed(1)} ms, ${peakGrowthMb.toFixed(1)} MB\n`);
    }
  }

  await rm(storageRoot, { recursive: true, force: true });
  const table = formatTable(rows, sizes);
  const targets = verdict(rows, sizes);
  console.log(`${table}\n\n${targets}`);
  if (sizes.join() === DEFAULT_SIZES.join()) {
    writeFileSync(new URL('./RESULTS.md', import.meta.url), resultsDocument(table, targets));
    console.log('written to bench/transcripts/RESULTS.md');
  }
}

const LABELS: Record<string, string> = {
  ours: 'this renderer (canonical JSON in memory)',
  stored: 'this renderer, from storage (gunzip + parse + validate + render)',
  anchor: 'discord-html-transcripts 3.3.0',
  floor: 'floor: escaped text, no markdown',
};

const HEADINGS = [
  'messages',
  'renderer',
  'ms per 1,000 messages',
  'bytes per message',
  'gzip bytes per message',
  'peak memory growth',
  'time vs anchor',
  'time vs floor',
  'size vs anchor',
];

/** A Markdown table padded as the project's formatter lays tables out; all columns but the renderer's right-aligned. */
function formatTable(rows: Row[], sizes: number[]): string {
  const cells: string[][] = [];
  for (const size of sizes) {
    const of = (name: string) => rows.find((row) => row.renderer === name && row.size === size) as Row;
    const anchor = of('anchor');
    const floor = of('floor');
    for (const name of ['ours', 'stored', 'anchor', 'floor']) {
      const row = of(name);
      cells.push([
        size.toLocaleString('en-US'),
        LABELS[name] as string,
        row.msPer1000.toFixed(1),
        String(Math.round(row.bytesPerMessage)),
        String(Math.round(row.gzipBytesPerMessage)),
        `${row.peakGrowthMb.toFixed(1)} MB`,
        `${(anchor.msPer1000 / row.msPer1000).toFixed(1)}× faster`,
        `${(row.msPer1000 / floor.msPer1000).toFixed(2)}×`,
        `${(row.bytesPerMessage / anchor.bytesPerMessage).toFixed(2)}×`,
      ]);
    }
  }
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...cells.map((line) => (line[column] as string).length)),
  );
  const left = (column: number) => column === 1;
  const line = (values: string[]) =>
    `| ${values.map((value, column) => (left(column) ? value.padEnd(widths[column] as number) : value.padStart(widths[column] as number))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (left(column) ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(HEADINGS), rule, ...cells.map(line)].join('\n');
}

/** The issue's targets: at least 10× faster than the anchor, within 3× of the floor, smaller output. */
function verdict(rows: Row[], sizes: number[]): string {
  const lines = sizes.map((size) => {
    const of = (name: string) => rows.find((row) => row.renderer === name && row.size === size) as Row;
    const [ours, anchor, floor] = [of('ours'), of('anchor'), of('floor')];
    const faster = anchor.msPer1000 / ours.msPer1000;
    const overFloor = ours.msPer1000 / floor.msPer1000;
    const smaller = ours.bytesPerMessage < anchor.bytesPerMessage;
    const met = faster >= 10 && overFloor <= 3 && smaller;
    return `- ${size.toLocaleString('en-US')} messages: ${faster.toFixed(1)}× faster than the anchor, ${overFloor.toFixed(2)}× the floor, output ${smaller ? 'smaller' : 'not smaller'} than the anchor's: ${met ? 'targets met' : 'TARGETS MISSED'}`;
  });
  return `Targets (at least 10× faster than the anchor, within 3× of the floor, smaller output):\n\n${lines.join('\n')}`;
}

function resultsDocument(table: string, targets: string): string {
  const cpu = cpus();
  return `# Transcript benchmark results

Command: \`npx tsx bench/transcripts/run.ts\` (from the repository root)
Machine: ${cpu.length}-core 'polyglot' (${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GB), Node ${process.version}, shared with other work while it ran
Date: ${new Date().toISOString().slice(0, 10)}

${table}

${targets}

How to read it:

- Every renderer gets the same deterministic synthetic ticket (seed 1; bench/transcripts/synthetic-ticket.ts): plain text, markdown, mentions, links, replies, attachments, bot embeds, long code blocks, reactions, edits, and one ticket event per 250 messages (the anchor and the floor get those events as messages too). Per-message figures divide by the message count.
- Times are the median of several runs after a warm-up, all in one process, the renderers taking turns, each run ending with its output as UTF-8 bytes (as storing or sending it would); "time vs anchor" is the anchor's time divided by the row's, "time vs floor" the row's time divided by the floor's.
- Peak memory growth is the most V8 heap plus external memory in use during one run (read before every garbage collection by V8's GCProfiler, and at the end), above what was in use after a full collection just before the run. It includes the output, which every renderer here returns whole; streamed to a file instead, this renderer's peak stays flat (test/transcripts/streaming-memory.test.ts).
- This renderer links saved media with relative URLs (\`media/<sha256>.<ext>\`); the anchor points at Discord's CDN and loads its components from a CDN at view time, so its size excludes those scripts. This renderer's pages carry their whole stylesheet (about 9 KB), which is why a 100-message page compresses a little worse than the anchor's.
- The anchor ran with NODE_ENV=production, \`saveImages: false\`, \`poweredBy: false\`, its console output silenced (it logs each Markdown node it cannot render, e.g. headings), and react 19 resolved for its component bindings (bench/transcripts/anchor-react-alias.ts).
`;
}

await main();
