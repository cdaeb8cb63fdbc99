import { randomBytes } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { S3BucketUnavailableError, S3TranscriptStorage } from '../../transcripts/s3-storage.ts';
import { TranscriptNotFoundError } from '../../transcripts/storage.ts';
import { openTranscriptStorage } from '../../transcripts/storage-factory.ts';
import { loadTranscript, storeTranscript } from '../../transcripts/transcript-codec.ts';
import { S3_TEST_CREDENTIALS, S3_TEST_REGION, type S3Server, startS3Server } from '../support/s3-server.ts';
import { TRANSCRIPT_KEY } from './fixtures.ts';
import { collect, describeTranscriptStorageContract, sampleTranscript, TRANSCRIPT_PATH } from './storage-contract.ts';

let server: S3Server;

beforeAll(async () => {
  server = await startS3Server();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Every object and unfinished multipart upload in the bucket, keys as stored (prefix included). */
async function bucketContents(bucket: string): Promise<string[]> {
  const objects = await server.client.send(new ListObjectsV2Command({ Bucket: bucket }));
  const uploads = await server.client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  return [
    ...(objects.Contents ?? []).map((object) => object.Key as string),
    ...(uploads.Uploads ?? []).map((upload) => `unfinished upload of ${upload.Key}`),
  ].sort();
}

async function objectBytes(bucket: string, key: string): Promise<Buffer> {
  const object = await server.client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from((await object.Body?.transformToByteArray()) as Uint8Array);
}

describe('S3TranscriptStorage', () => {
  describeTranscriptStorageContract(async () => {
    const bucket = await server.createBucket();
    const prefix = 'deployment-a/';
    return {
      storage: new S3TranscriptStorage({ client: server.client, bucket, prefix }),
      stored: async () =>
        (await bucketContents(bucket)).map((key) =>
          key.replace(prefix, '').replace(`upload of ${prefix}`, 'upload of '),
        ),
      readStored: (path) => objectBytes(bucket, prefix + path),
      overwriteStored: async (path, body) => {
        await server.client.send(new PutObjectCommand({ Bucket: bucket, Key: prefix + path, Body: body }));
      },
      close: async () => undefined,
    };
  });

  describe('in a shared bucket', () => {
    it('keeps each prefix to itself', async () => {
      const bucket = await server.createBucket();
      const one = new S3TranscriptStorage({ client: server.client, bucket, prefix: 'one' });
      const two = new S3TranscriptStorage({ client: server.client, bucket, prefix: 'two/' });
      await storeTranscript(one, sampleTranscript());
      const media = await one.putMedia(TRANSCRIPT_KEY, Buffer.from('a picture'), 'png');

      expect(await bucketContents(bucket)).toEqual([`one/${media}`, `one/${TRANSCRIPT_PATH}`]);
      expect(await one.hasTranscript(TRANSCRIPT_KEY)).toBe(true);
      expect(await two.hasTranscript(TRANSCRIPT_KEY)).toBe(false);
      await expect(collect(two.readTranscript(TRANSCRIPT_KEY))).rejects.toThrow(TranscriptNotFoundError);
      expect(await two.readMedia(media)).toBeNull();
    });

    it('uploads a large transcript in parts, as one object', async () => {
      const bucket = await server.createBucket();
      const storage = new S3TranscriptStorage({ client: server.client, bucket });
      // Base64 of random bytes shrinks only by a quarter under gzip: about 6 MB stored, two 5 MiB parts.
      const lines = Array.from({ length: 1500 }, (_, index) => `${index} ${randomBytes(4096).toString('base64')}`);
      const { bytes } = await storage.writeTranscript(TRANSCRIPT_KEY, lines);
      const head = await server.client.send(new HeadObjectCommand({ Bucket: bucket, Key: TRANSCRIPT_PATH }));
      expect(bytes).toBeGreaterThan(5 * 1024 * 1024);
      expect(head.ContentLength).toBe(bytes);
      // S3 tags an object put together from N parts with an ETag ending in -N.
      expect(head.ETag).toMatch(/-[2-9]"$/);
      expect(await collect(storage.readTranscript(TRANSCRIPT_KEY))).toEqual(lines);
    });
  });

  describe('opened from configuration', () => {
    const s3Options = (bucket: string) => ({
      kind: 's3' as const,
      bucket,
      prefix: '',
      endpoint: server.endpoint,
      region: S3_TEST_REGION,
      forcePathStyle: true,
    });

    it('takes credentials from the SDK chain and stores where a second host reads', async () => {
      vi.stubEnv('AWS_ACCESS_KEY_ID', S3_TEST_CREDENTIALS.accessKeyId);
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', S3_TEST_CREDENTIALS.secretAccessKey);
      const bucket = await server.createBucket();
      const writer = await openTranscriptStorage(s3Options(bucket));
      const reader = await openTranscriptStorage(s3Options(bucket));
      const transcript = sampleTranscript();
      await storeTranscript(writer, transcript);
      expect((await loadTranscript(reader, TRANSCRIPT_KEY)).header.ticket).toEqual(transcript.ticket);
    });

    it('refuses to start on a bucket that does not exist, naming it and what to set', async () => {
      vi.stubEnv('AWS_ACCESS_KEY_ID', S3_TEST_CREDENTIALS.accessKeyId);
      vi.stubEnv('AWS_SECRET_ACCESS_KEY', S3_TEST_CREDENTIALS.secretAccessKey);
      const opening = openTranscriptStorage(s3Options('no-such-bucket'));
      await expect(opening).rejects.toThrow(S3BucketUnavailableError);
      await expect(opening).rejects.toThrow(/"no-such-bucket" does not exist: create it, or set S3_BUCKET/);
    });

    it('refuses to start without a region, saying which setting to give', async () => {
      const storage = new S3TranscriptStorage({
        client: new S3Client({ endpoint: server.endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS }),
        bucket: await server.createBucket(),
      });
      vi.stubEnv('AWS_REGION', '');
      vi.stubEnv('AWS_DEFAULT_REGION', '');
      await expect(storage.checkBucket()).rejects.toThrow(/no AWS region .*S3_REGION/);
    });
  });
});
