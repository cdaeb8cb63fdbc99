/**
 * Canonical transcript to one self-contained HTML document, produced message by message as an async
 * sequence of chunks: memory stays bounded by one chunk plus the header's snapshot, however long the ticket.
 */
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { documentEnd, documentStart } from './html-document.ts';
import { closeGroup, newGroupState, renderMessage } from './html-message.ts';
import { createRenderContext, type RenderOptions } from './render-context.ts';
import type { Transcript, TranscriptHeader, TranscriptMessage } from './schema.ts';

export type { RenderOptions } from './render-context.ts';

/** A transcript whose messages may still be arriving, e.g. read line by line from storage. */
export interface TranscriptStream {
  header: TranscriptHeader;
  messages: Iterable<TranscriptMessage> | AsyncIterable<TranscriptMessage>;
}

/** Chunks are cut at message boundaries once they pass this many characters. */
const CHUNK_CHARS = 64 * 1024;

export function asTranscriptStream(transcript: Transcript): TranscriptStream {
  const { messages, ...header } = transcript;
  return { header, messages };
}

/**
 * Collects message HTML into chunks of about CHUNK_CHARS. Each chunk is joined into one flat string, so the
 * many small pieces it was built from die young instead of living on inside a long chain of concatenations.
 */
class ChunkBuilder {
  private parts: string[] = [];
  private length = 0;

  add(html: string): void {
    this.parts.push(html);
    this.length += html.length;
  }

  get full(): boolean {
    return this.length >= CHUNK_CHARS;
  }

  take(): string {
    const chunk = this.parts.join('');
    this.parts = [];
    this.length = 0;
    return chunk;
  }
}

export async function* renderTranscriptHtml(
  input: Transcript | TranscriptStream,
  options: RenderOptions,
): AsyncGenerator<string, void, undefined> {
  const { header, messages } = 'header' in input ? input : asTranscriptStream(input);
  const ctx = createRenderContext(header, options);
  const state = newGroupState();
  const chunks = new ChunkBuilder();
  chunks.add(documentStart(header, ctx));
  if (Symbol.asyncIterator in messages) {
    for await (const message of messages) {
      chunks.add(renderMessage(message, ctx, state));
      if (chunks.full) yield chunks.take();
    }
  } else {
    for (const message of messages) {
      chunks.add(renderMessage(message, ctx, state));
      if (chunks.full) yield chunks.take();
    }
  }
  chunks.add(closeGroup(state) + documentEnd(header, ctx));
  yield chunks.take();
}

/** Streams the document into `destination` (a file, an HTTP response), honouring backpressure; resolves to its size. */
export async function writeTranscriptHtml(
  input: Transcript | TranscriptStream,
  destination: Writable,
  options: RenderOptions,
): Promise<{ bytes: number }> {
  let bytes = 0;
  async function* counted() {
    for await (const chunk of renderTranscriptHtml(input, options)) {
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
  }
  await pipeline(counted, destination);
  return { bytes };
}

export async function renderTranscriptHtmlToString(
  input: Transcript | TranscriptStream,
  options: RenderOptions,
): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of renderTranscriptHtml(input, options)) chunks.push(chunk);
  return chunks.join('');
}
