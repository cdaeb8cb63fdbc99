import { z } from 'zod';
import { normalizeKeyPrefix } from '../transcripts/keys.ts';
import type { TranscriptStorageOptions } from '../transcripts/storage-factory.ts';
import { carriesCredentials, parseEnv } from './parse-env.ts';

function isKeyPrefix(prefix: string): boolean {
  try {
    normalizeKeyPrefix(prefix);
    return true;
  } catch {
    return false;
  }
}

const storageEnvSchema = z
  .object({
    TRANSCRIPT_STORAGE: z.enum(['filesystem', 's3']).default('filesystem'),
    TRANSCRIPTS_DIR: z.string().min(1).optional(),
    S3_BUCKET: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'must be a bucket name: 3 to 63 lowercase letters, digits, dots, hyphens',
      )
      .optional(),
    S3_ENDPOINT: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .refine((url) => !carriesCredentials(url), {
        error: 'must not carry credentials: give them as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
      })
      .optional(),
    S3_REGION: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'must be a region name such as eu-west-1')
      .optional(),
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
    S3_PREFIX: z
      .string()
      .refine(isKeyPrefix, 'must be folder names of letters, digits, ".", "_" and "-" separated by "/"')
      .optional(),
  })
  .superRefine((env, context) => {
    if (env.TRANSCRIPT_STORAGE === 's3' && !env.S3_BUCKET) {
      context.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'is required with TRANSCRIPT_STORAGE=s3: the bucket transcripts are stored in',
      });
    }
    if (env.TRANSCRIPT_STORAGE === 'filesystem' && env.S3_BUCKET) {
      // Transcripts silently kept on one host's disk are what a bucket is configured to avoid.
      context.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: 'is set but TRANSCRIPT_STORAGE is filesystem: set TRANSCRIPT_STORAGE=s3 to store transcripts there',
      });
    }
  });

/** Where transcripts are stored: a local folder by default, an S3 bucket with TRANSCRIPT_STORAGE=s3. */
export function loadTranscriptStorageConfig(env: NodeJS.ProcessEnv = process.env): TranscriptStorageOptions {
  const parsed = parseEnv(storageEnvSchema, env);
  if (parsed.TRANSCRIPT_STORAGE === 'filesystem') return { kind: 'filesystem', dir: parsed.TRANSCRIPTS_DIR };
  return {
    kind: 's3',
    bucket: parsed.S3_BUCKET as string,
    prefix: normalizeKeyPrefix(parsed.S3_PREFIX ?? ''),
    endpoint: parsed.S3_ENDPOINT,
    region: parsed.S3_REGION,
    forcePathStyle: parsed.S3_FORCE_PATH_STYLE === 'true',
  };
}
