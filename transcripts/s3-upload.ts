/**
 * Uploads a byte stream of unknown length as one S3 object, all or nothing. S3 makes an object visible only
 * when its PUT, or its multipart upload's completion, succeeds: readers see the old object or the new one.
 * Small streams go up in one PUT; longer ones in parts of about `partBytes`, so memory holds one part at a
 * time, never the whole stream. A failure aborts the multipart upload, so no part is left behind (should the
 * abort itself fail, the parts stay invisible to readers and a lifecycle rule removes them; see the README).
 */
import {
  AbortMultipartUploadCommand,
  type CompletedPart,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';

/** S3 refuses a part under 5 MiB, except the last. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

export interface UploadTarget {
  client: S3Client;
  bucket: string;
  key: string;
  contentType: string;
}

/** Resolves to the number of bytes stored. */
export async function uploadStream(
  target: UploadTarget,
  source: AsyncIterable<Uint8Array>,
  partBytes: number,
): Promise<number> {
  if (partBytes < MIN_PART_BYTES) throw new Error(`S3 parts must be at least ${MIN_PART_BYTES} bytes`);
  const { client, bucket: Bucket, key: Key, contentType: ContentType } = target;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  const takePending = () => {
    const body = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    return body;
  };

  let uploadId: string | undefined;
  const parts: CompletedPart[] = [];
  const uploadPart = async (Body: Buffer) => {
    const PartNumber = parts.length + 1;
    const { ETag, ChecksumCRC32, ChecksumCRC32C, ChecksumCRC64NVME, ChecksumSHA1, ChecksumSHA256 } = await client.send(
      new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body }),
    );
    // Completing must repeat whichever checksum the SDK sent with the part.
    parts.push({ PartNumber, ETag, ChecksumCRC32, ChecksumCRC32C, ChecksumCRC64NVME, ChecksumSHA1, ChecksumSHA256 });
  };

  try {
    for await (const chunk of source) {
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      total += chunk.byteLength;
      if (pendingBytes < partBytes) continue;
      uploadId ??= (await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType }))).UploadId;
      await uploadPart(takePending());
    }
    if (uploadId === undefined) {
      await client.send(new PutObjectCommand({ Bucket, Key, ContentType, Body: takePending() }));
      return total;
    }
    if (pendingBytes > 0) await uploadPart(takePending());
    await client.send(
      new CompleteMultipartUploadCommand({ Bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }),
    );
    return total;
  } catch (error) {
    if (uploadId !== undefined) {
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId })).catch(() => undefined);
    }
    throw error;
  }
}
