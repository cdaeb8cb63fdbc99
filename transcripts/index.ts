/** HTML transcripts: the canonical JSON, its storage, the media copied in at close, and the renderer. What other folders import. */
export { buildTranscript, InvalidTranscriptSourceError } from './build-transcript.ts';
export { defaultTranscriptsDir, FileTranscriptStorage } from './fs-storage.ts';
export { InvalidStorageKeyError, parseTranscriptKey, transcriptKey } from './keys.ts';
export {
  collectMedia,
  copyMediaIn,
  DEFAULT_MEDIA_LIMITS,
  DISCORD_MEDIA_HOSTS,
  type MediaCopy,
  type MediaLimits,
} from './media-copy.ts';
export {
  type MediaResolver,
  placeholderMediaResolver,
  prefixMediaResolver,
  relativeMediaResolver,
} from './media-resolver.ts';
export {
  type RenderOptions,
  renderTranscriptHtml,
  renderTranscriptHtmlToString,
  type TranscriptStream,
  writeTranscriptHtml,
} from './render-html.ts';
export { S3BucketUnavailableError, S3TranscriptStorage } from './s3-storage.ts';
export * from './schema.ts';
export { TranscriptNotFoundError, type TranscriptStorage } from './storage.ts';
export { describeTranscriptStorage, openTranscriptStorage, type TranscriptStorageOptions } from './storage-factory.ts';
export { DamagedTranscriptError, loadTranscript, serializeTranscript, storeTranscript } from './transcript-codec.ts';
export type * from './transcript-source.ts';
