import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticTicket } from '../../bench/transcripts/synthetic-ticket.ts';
import { buildTranscript } from '../../transcripts/build-transcript.ts';
import { FileTranscriptStorage } from '../../transcripts/fs-storage.ts';
import { prefixMediaResolver } from '../../transcripts/media-resolver.ts';
import {
  renderTranscriptHtml,
  renderTranscriptHtmlToString,
  writeTranscriptHtml,
} from '../../transcripts/render-html.ts';
import { loadTranscript, storeTranscript } from '../../transcripts/transcript-codec.ts';
import { MEDIA_BASE } from './fixtures.ts';
import { findingsIn } from './html-checker.ts';

const { source, media } = syntheticTicket(3000, 11);
const transcript = buildTranscript(source, media);
const options = { media: prefixMediaResolver(MEDIA_BASE) };

describe('rendering as a stream', () => {
  it('cuts the document into bounded chunks at message boundaries, losing and repeating nothing', async () => {
    const chunks: string[] = [];
    for await (const chunk of renderTranscriptHtml(transcript, options)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(64 * 1024);
      expect(chunk.length).toBeLessThan(64 * 1024 + 20_000);
    }
    const html = chunks.join('');
    const ids = [...html.matchAll(/ id="m-([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(transcript.messages.map((message) => message.id));
    expect(html.endsWith('</footer></body></html>')).toBe(true);
    expect(findingsIn(html, MEDIA_BASE)).toEqual([]);
  });

  it('writes the same document to a file from storage as from memory', async () => {
    const root = await mkdtemp(join(tmpdir(), 'transcript-render-'));
    try {
      const storage = new FileTranscriptStorage(root);
      const { key } = await storeTranscript(storage, transcript);
      const file = join(root, 'out.html');
      const { bytes } = await writeTranscriptHtml(await loadTranscript(storage, key), createWriteStream(file), options);
      const written = await readFile(file);
      expect(written.byteLength).toBe(bytes);
      expect(written.toString('utf8')).toBe(await renderTranscriptHtmlToString(transcript, options));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
