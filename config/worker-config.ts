import { z } from 'zod';
import type { TranscriptStorageOptions } from '../activities/transcripts/storage-factory.ts';
import { carriesCredentials, parseEnv } from './parse-env.ts';
import { loadTemporalConfig, type TemporalConfig } from './temporal-config.ts';
import { loadTranscriptStorageConfig } from './transcript-storage-config.ts';

const workerEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL'),
  DISCORD_TOKEN: z.string().min(1, 'is required: the bot token the worker posts to Discord with'),
  DISCORD_API_BASE_URL: z.url().default('https://discord.com/api'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) URL people open the panel at' })
    .refine(
      (url) => !carriesCredentials(url) && !/[?#]/.test(url),
      'must be a plain base URL: no credentials, query or fragment',
    )
    .optional(),
});

export interface WorkerConfig {
  temporal: TemporalConfig;
  databaseUrl: string;
  discord: { token: string; apiBaseUrl: string };
  transcriptStorage: TranscriptStorageOptions;
  /** Where the panel is served, without a trailing slash; summaries link to transcripts there. */
  publicUrl: string | undefined;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = parseEnv(workerEnvSchema, env);
  return {
    temporal: loadTemporalConfig(env),
    databaseUrl: parsed.DATABASE_URL,
    discord: { token: parsed.DISCORD_TOKEN, apiBaseUrl: parsed.DISCORD_API_BASE_URL },
    transcriptStorage: loadTranscriptStorageConfig(env),
    publicUrl: parsed.PUBLIC_URL?.replace(/\/+$/, ''),
  };
}
