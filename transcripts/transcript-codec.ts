/**
 * The canonical transcript as JSON Lines: the header first, then one message per line. Writing and reading
 * go line by line, and each line is validated against the schema as it is read, so a stored transcript of
 * any length streams through in bounded memory and a damaged one fails loudly instead of rendering wrong.
 */
import { transcriptKey } from './keys.ts';
import type { TranscriptStream } from './render-html.ts';
import { type Transcript, type TranscriptMessage, transcriptHeaderSchema, transcriptMessageSchema } from './schema.ts';
import type { TranscriptStorage } from './storage.ts';

export class DamagedTranscriptError extends Error {
  constructor(key: string, detail: string) {
    super(`stored transcript ${key} is damaged: ${detail}`);
    this.name = 'DamagedTranscriptError';
  }
}

export function* serializeTranscript(transcript: Transcript): Generator<string> {
  const { messages, ...header } = transcript;
  // JSON.stringify escapes every newline inside strings, so each value stays on one line.
  yield JSON.stringify(header);
  for (const message of messages) yield JSON.stringify(message);
}

export async function storeTranscript(
  storage: TranscriptStorage,
  transcript: Transcript,
): Promise<{ key: string; bytes: number }> {
  const key = transcriptKey({ guildId: transcript.ticket.guildId, number: transcript.ticket.number });
  const { bytes } = await storage.writeTranscript(key, serializeTranscript(transcript));
  return { key, bytes };
}

function parseLine(key: string, line: string, what: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new DamagedTranscriptError(key, `${what} is not JSON`);
  }
}

/** The stored transcript with its messages still to be read: iterate `messages` once. */
export async function loadTranscript(storage: TranscriptStorage, key: string): Promise<TranscriptStream> {
  const lines = storage.readTranscript(key)[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new DamagedTranscriptError(key, 'it is empty');
  const parsedHeader = transcriptHeaderSchema.safeParse(parseLine(key, first.value, 'the header'));
  if (!parsedHeader.success) throw new DamagedTranscriptError(key, `header: ${parsedHeader.error.message}`);
  const header = parsedHeader.data;
  async function* messages(): AsyncGenerator<TranscriptMessage> {
    let count = 0;
    try {
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        count++;
        const parsed = transcriptMessageSchema.safeParse(parseLine(key, next.value, `line ${count + 1}`));
        if (!parsed.success) throw new DamagedTranscriptError(key, `line ${count + 1}: ${parsed.error.message}`);
        yield parsed.data;
      }
    } finally {
      await lines.return?.();
    }
    if (count !== header.entryCount) {
      throw new DamagedTranscriptError(key, `header promises ${header.entryCount} entries, found ${count}`);
    }
  }
  return { header, messages: messages() };
}
