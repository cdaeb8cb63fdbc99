/**
 * Renders a stored transcript to an HTML file, for reading before the panel exists:
 *   npm run transcript -- <guild id>/<ticket number> [output folder]
 * It reads from the configured storage (TRANSCRIPT_STORAGE, as the worker does), so any host can render any
 * ticket. The page goes to <output folder>/transcript.html, by default <TRANSCRIPTS_DIR>/<guild id>/<0042>/,
 * with the media it shows beside it in media/ (fetched from storage when not there already). The page is
 * self-contained and loads nothing from the network; open the printed path in a browser.
 */
import { createWriteStream } from 'node:fs';
import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadTranscriptStorageConfig } from '../config/transcript-storage-config.ts';
import {
  defaultTranscriptsDir,
  type MediaResolver,
  openTranscriptStorage,
  relativeMediaResolver,
  type TranscriptStorage,
  transcriptKey,
  writeTranscriptHtml,
} from '../transcripts/index.ts';
import { loadTranscript } from '../transcripts/transcript-codec.ts';

/** Resolves media beside the page and remembers which stored files the page links to. */
function recordingResolver(key: string): { media: MediaResolver; shown: Map<string, string> } {
  const relative = relativeMediaResolver(key);
  const shown = new Map<string, string>();
  const media: MediaResolver = {
    imageSources: relative.imageSources,
    url(mediaKey) {
      const url = relative.url(mediaKey);
      if (url !== null) shown.set(mediaKey, url);
      return url;
    },
  };
  return { media, shown };
}

/** Copies each stored file the page links to into `folder`, unless there already (names are content hashes). */
async function copyShownMedia(storage: TranscriptStorage, shown: Map<string, string>, folder: string) {
  for (const [mediaKey, relativePath] of shown) {
    const target = join(folder, relativePath);
    if (
      await access(target).then(
        () => true,
        () => false,
      )
    )
      continue;
    const body = await storage.readMedia(mediaKey);
    if (body === null) continue;
    await mkdir(dirname(target), { recursive: true });
    await writeFile(`${target}.tmp`, body, { mode: 0o600 });
    await rename(`${target}.tmp`, target);
  }
}

async function main(argument: string | undefined, outputFolder: string | undefined): Promise<void> {
  const match = /^(\d{17,20})\/(\d+)$/.exec(argument ?? '');
  if (!match?.[1] || !match[2])
    throw new Error('usage: npm run transcript -- <guild id>/<ticket number> [output folder]');
  const key = transcriptKey({ guildId: match[1], number: Number(match[2]) });
  const storage = await openTranscriptStorage(loadTranscriptStorageConfig());
  const transcript = await loadTranscript(storage, key);
  const folder = outputFolder ?? join(defaultTranscriptsDir(), key);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const target = join(folder, 'transcript.html');
  const { media, shown } = recordingResolver(key);
  const { bytes } = await writeTranscriptHtml(transcript, createWriteStream(target, { mode: 0o600 }), { media });
  await copyShownMedia(storage, shown, folder);
  console.log(`${target} (${bytes} bytes)`);
}

main(process.argv[2], process.argv[3]).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
