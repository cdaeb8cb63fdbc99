/**
 * Renders a stored transcript to an HTML file beside its saved media, for reading before the panel exists:
 *   npm run transcript -- <guild id>/<ticket number>
 * The page is self-contained and loads nothing from the network; open the printed path in a browser.
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import {
  defaultTranscriptsDir,
  FileTranscriptStorage,
  relativeMediaResolver,
  transcriptKey,
  writeTranscriptHtml,
} from '../activities/transcripts/index.ts';
import { loadTranscript } from '../activities/transcripts/transcript-codec.ts';

async function main(argument: string | undefined): Promise<void> {
  const match = /^(\d{17,20})\/(\d+)$/.exec(argument ?? '');
  if (!match?.[1] || !match[2]) throw new Error('usage: npm run transcript -- <guild id>/<ticket number>');
  const key = transcriptKey({ guildId: match[1], number: Number(match[2]) });
  const root = defaultTranscriptsDir();
  const transcript = await loadTranscript(new FileTranscriptStorage(root), key);
  const target = join(root, key, 'transcript.html');
  const { bytes } = await writeTranscriptHtml(transcript, createWriteStream(target, { mode: 0o600 }), {
    media: relativeMediaResolver(key),
  });
  console.log(`${target} (${bytes} bytes)`);
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
