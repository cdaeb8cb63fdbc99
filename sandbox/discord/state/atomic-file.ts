import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `file` with `text` so that a reader, or the next start after a crash, finds either the old file or the
 * new one, never half of one: the text goes to `<file>.tmp`, is flushed to disk, then renamed over the file, and the
 * folder is flushed so the rename survives a power cut. The temporary name is fixed, so a crash leaves at most one
 * stray `.tmp`, which the next write overwrites; nothing ever reads it. Files are private to their owner (they
 * hold a bot token). One writer per file at a time: callers serialize their writes.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const folder = dirname(file);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  const folderHandle = await open(folder, 'r');
  try {
    await folderHandle.sync();
  } finally {
    await folderHandle.close();
  }
}
