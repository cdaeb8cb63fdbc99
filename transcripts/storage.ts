/**
 * Where transcripts live. A transcript is its canonical JSON Lines (compressed by the implementation) plus
 * the media copied in at close, content-addressed under it. No HTTP route serves these; the panel will,
 * behind access control.
 */

export interface MediaStore {
  /** Stores `body` as `<transcriptKey>/media/<sha256>.<extension>` (idempotent) and returns that key. */
  putMedia(transcriptKey: string, body: Uint8Array, extension: string): Promise<string>;
  /** The stored bytes, or null when there is no such file. */
  readMedia(mediaKey: string): Promise<Uint8Array | null>;
}

export interface TranscriptStorage extends MediaStore {
  /**
   * Replaces the transcript at `key` with these lines, all or nothing: a reader sees the old file or the
   * new one, never part of one, and a write that fails leaves nothing behind. Returns the stored size.
   */
  writeTranscript(key: string, lines: Iterable<string> | AsyncIterable<string>): Promise<{ bytes: number }>;
  /** The stored lines, streamed. Throws TranscriptNotFoundError when there is none. */
  readTranscript(key: string): AsyncIterable<string>;
  hasTranscript(key: string): Promise<boolean>;
  /**
   * Deletes the transcript and every media file under it, for retention. Idempotent: a retry after a partial
   * delete removes the rest, and a transcript already gone deletes nothing. Returns how many files were deleted.
   */
  deleteTranscript(key: string): Promise<{ files: number }>;
}

export class TranscriptNotFoundError extends Error {
  constructor(key: string) {
    super(`no transcript stored at ${key}`);
    this.name = 'TranscriptNotFoundError';
  }
}
