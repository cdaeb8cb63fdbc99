/**
 * TranscriptStorage in an S3 bucket (AWS S3 or any S3-compatible server), laid out as the filesystem one:
 *   <prefix><guildId>/<0042>/transcript.jsonl.gz     the canonical transcript, gzip-compressed
 *   <prefix><guildId>/<0042>/media/<sha256>.<ext>    copied attachments and images, as fetched
 * Every worker and every host reading the same bucket sees the same transcripts. Writes are all or nothing
 * (see s3-upload.ts) and idempotent: a retry stores the same object again, and media is content-addressed.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { compressLines, decompressLines } from './gzip-lines.ts';
import { assertMediaKey, mediaKey, normalizeKeyPrefix, parseTranscriptKey } from './keys.ts';
import { MIN_PART_BYTES, uploadStream } from './s3-upload.ts';
import { TranscriptNotFoundError, type TranscriptStorage } from './storage.ts';

const TRANSCRIPT_OBJECT = 'transcript.jsonl.gz';

export interface S3TranscriptStorageOptions {
  /** Configured with the region, endpoint and credentials (the SDK's default chain unless a test gives its own). */
  client: S3Client;
  bucket: string;
  /** Starts every object key, e.g. `prod/`, so deployments can share a bucket; none by default. */
  prefix?: string;
  /** Size of each part of a multipart upload; S3's minimum, 5 MiB, by default. */
  partBytes?: number;
}

/** Why the bucket cannot be used, worded for the operator who has to fix it. */
export class S3BucketUnavailableError extends Error {
  override name = 'S3BucketUnavailableError';
}

/** GetObject answers NoSuchKey; HeadObject, having no body, only its status. */
function isMissing(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || (name === 'NotFound' && $metadata?.httpStatusCode === 404);
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

export class S3TranscriptStorage implements TranscriptStorage {
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;
  private readonly partBytes: number;

  constructor(options: S3TranscriptStorageOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    this.prefix = normalizeKeyPrefix(options.prefix ?? '');
    this.partBytes = options.partBytes ?? MIN_PART_BYTES;
  }

  /**
   * Fails with S3BucketUnavailableError unless the bucket exists and these credentials may use it: called at
   * start, so a wrong bucket, region or credential stops the process instead of failing every close later.
   */
  async checkBucket(): Promise<void> {
    try {
      await this.client.config.region();
    } catch {
      throw new S3BucketUnavailableError('no AWS region is configured for transcript storage: set S3_REGION');
    }
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) {
        throw new S3BucketUnavailableError(
          `the transcript bucket "${this.bucket}" does not exist: create it, or set S3_BUCKET to one that does`,
        );
      }
      if (status === 403) {
        throw new S3BucketUnavailableError(
          `access to the transcript bucket "${this.bucket}" is denied: the AWS credentials need s3:ListBucket on it ` +
            '(and s3:GetObject, s3:PutObject, s3:AbortMultipartUpload on its objects)',
        );
      }
      if (status === 301) {
        throw new S3BucketUnavailableError(
          `the transcript bucket "${this.bucket}" is in another region: set S3_REGION to the bucket's region`,
        );
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new S3BucketUnavailableError(`cannot reach the transcript bucket "${this.bucket}": ${reason}`);
    }
  }

  private transcriptObject(key: string): string {
    parseTranscriptKey(key);
    return `${this.prefix}${key}/${TRANSCRIPT_OBJECT}`;
  }

  async writeTranscript(key: string, lines: Iterable<string> | AsyncIterable<string>): Promise<{ bytes: number }> {
    const target = { client: this.client, bucket: this.bucket, key: this.transcriptObject(key) };
    let bytes = 0;
    await compressLines(lines, async (compressed) => {
      bytes = await uploadStream({ ...target, contentType: 'application/gzip' }, compressed, this.partBytes);
    });
    return { bytes };
  }

  readTranscript(key: string): AsyncIterable<string> {
    return decompressLines(async () => {
      const Key = this.transcriptObject(key);
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key })).catch((error) => {
        throw isMissing(error) ? new TranscriptNotFoundError(key) : error;
      });
      if (!(object.Body instanceof Readable)) throw new Error(`S3 gave no readable body for ${Key}`);
      return object.Body;
    });
  }

  async hasTranscript(key: string): Promise<boolean> {
    return (await this.sizeOf(this.transcriptObject(key))) !== null;
  }

  /** Lists the transcript's objects a page at a time (S3 lists at most 1,000) and deletes each page at once. */
  async deleteTranscript(key: string): Promise<{ files: number }> {
    parseTranscriptKey(key);
    const Prefix = `${this.prefix}${key}/`;
    let files = 0;
    for (;;) {
      // Deleting as we go, the next listing starts where the deleted objects were: no continuation token needed.
      const listed = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix }));
      const objects = (listed.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (objects.length === 0) return { files };
      const deleted = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: objects, Quiet: true } }),
      );
      const failed = deleted.Errors ?? [];
      if (failed.length > 0) {
        const first = failed[0];
        throw new Error(
          `S3 did not delete ${failed.length} object(s) of transcript ${key}, e.g. ${first?.Key}: ${first?.Code} ${first?.Message}`,
        );
      }
      files += objects.length;
    }
  }

  async putMedia(transcriptKey: string, body: Uint8Array, extension: string): Promise<string> {
    const key = mediaKey(transcriptKey, createHash('sha256').update(body).digest('hex'), extension);
    const Key = this.prefix + key;
    // Content-addressed: an object already there holds these very bytes.
    if ((await this.sizeOf(Key)) !== body.byteLength) {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: body }));
    }
    return key;
  }

  async readMedia(key: string): Promise<Uint8Array | null> {
    const Key = this.prefix + assertMediaKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      if (!object.Body) throw new Error(`S3 gave no body for ${Key}`);
      return await object.Body.transformToByteArray();
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** The object's size, or null when there is none. */
  private async sizeOf(Key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }
}
