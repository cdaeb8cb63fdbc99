/**
 * The one place that turns configuration into a TranscriptStorage, so the worker that stores transcripts and
 * the commands that read them always agree on where they are.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { FileTranscriptStorage } from './fs-storage.ts';
import { S3TranscriptStorage } from './s3-storage.ts';
import type { TranscriptStorage } from './storage.ts';

export type TranscriptStorageOptions =
  | {
      kind: 'filesystem';
      /** The storage root; `$TRANSCRIPTS_DIR` or `<repo>/.data/transcripts` when absent. */
      dir: string | undefined;
    }
  | {
      kind: 's3';
      bucket: string;
      /** `''`, or folder names ending in `/`. */
      prefix: string;
      /** An S3-compatible server's URL; AWS S3 when absent. */
      endpoint: string | undefined;
      /** The SDK's own chain (AWS_REGION, the profile) when absent. */
      region: string | undefined;
      /** Buckets as a path (`endpoint/bucket/key`) rather than a host name: what most S3-compatible servers want. */
      forcePathStyle: boolean;
    };

/**
 * The configured storage, checked: with S3, the bucket must exist and the credentials reach it, else this
 * rejects with an S3BucketUnavailableError saying what to fix. Credentials come from the SDK's default chain
 * (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an IAM role), never from our configuration.
 */
export async function openTranscriptStorage(options: TranscriptStorageOptions): Promise<TranscriptStorage> {
  if (options.kind === 'filesystem') return new FileTranscriptStorage(options.dir);
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    // A stalled connection fails the attempt (Temporal retries it) instead of holding a close until its timeout.
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000 },
  });
  const storage = new S3TranscriptStorage({ client, bucket: options.bucket, prefix: options.prefix });
  await storage.checkBucket();
  return storage;
}

/** Where transcripts go, for a start-up log line; names no credential. */
export function describeTranscriptStorage(options: TranscriptStorageOptions): string {
  if (options.kind === 'filesystem') return new FileTranscriptStorage(options.dir).root;
  return `s3://${options.bucket}/${options.prefix}${options.endpoint ? ` at ${options.endpoint}` : ''}`;
}
