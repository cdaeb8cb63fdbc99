import { z } from 'zod';
import type { TranscriptStorageOptions } from '../activities/transcripts/storage-factory.ts';
import { parseEnv } from './parse-env.ts';
import { loadTemporalConfig, type TemporalConfig } from './temporal-config.ts';
import { loadTranscriptStorageConfig } from './transcript-storage-config.ts';

const workerEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL'),
  DISCORD_TOKEN: z.string().min(1, 'is required: the bot token the worker posts to Discord with'),
  DISCORD_API_BASE_URL: z.url().default('https://discord.com/api'),
});

export interface WorkerConfig {
  temporal: TemporalConfig;
  databaseUrl: string;
  discord: { token: string; apiBaseUrl: string };
  transcriptStorage: TranscriptStorageOptions;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = parseEnv(workerEnvSchema, env);
  return {
    temporal: loadTemporalConfig(env),
    databaseUrl: parsed.DATABASE_URL,
    discord: { token: parsed.DISCORD_TOKEN, apiBaseUrl: parsed.DISCORD_API_BASE_URL },
    transcriptStorage: loadTranscriptStorageConfig(env),
  };
}
