import { z } from 'zod';
import type { PlanCatalogue } from '../domain/plans.ts';
import type { TranscriptStorageOptions } from '../transcripts/storage-factory.ts';
import { carriesCredentials, parseEnv } from './parse-env.ts';
import { loadPlanCatalogue } from './plans-config.ts';
import { logLevelVariable, portVariable, secondsVariable, type TelemetryConfig } from './telemetry-config.ts';
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
  LOG_LEVEL: logLevelVariable,
  WORKER_HEALTH_PORT: portVariable(9470),
  WORKER_TEMPORAL_METRICS_PORT: portVariable(9471),
  /** How long a stopping worker lets running activities finish before they are cancelled. */
  WORKER_SHUTDOWN_GRACE_SECONDS: secondsVariable(20),
  /** A workflow bundle built ahead (the image's); workflows are bundled from source at start when absent. */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
});

export interface WorkerConfig {
  temporal: TemporalConfig;
  databaseUrl: string;
  discord: { token: string; apiBaseUrl: string };
  transcriptStorage: TranscriptStorageOptions;
  /** Where the panel is served, without a trailing slash; summaries link to transcripts there. */
  publicUrl: string | undefined;
  /** The plans' limits (TICKETFLOW_PLANS over the defaults): the monthly ticket limit, retention. */
  plans: PlanCatalogue;
  telemetry: TelemetryConfig;
  shutdownGraceMs: number;
  workflowBundlePath: string | undefined;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = parseEnv(workerEnvSchema, env);
  return {
    temporal: loadTemporalConfig(env),
    databaseUrl: parsed.DATABASE_URL,
    discord: { token: parsed.DISCORD_TOKEN, apiBaseUrl: parsed.DISCORD_API_BASE_URL },
    transcriptStorage: loadTranscriptStorageConfig(env),
    publicUrl: parsed.PUBLIC_URL?.replace(/\/+$/, ''),
    plans: loadPlanCatalogue(env),
    telemetry: {
      logLevel: parsed.LOG_LEVEL,
      healthPort: parsed.WORKER_HEALTH_PORT,
      temporalMetricsPort: parsed.WORKER_TEMPORAL_METRICS_PORT,
    },
    shutdownGraceMs: parsed.WORKER_SHUTDOWN_GRACE_SECONDS * 1000,
    workflowBundlePath: parsed.WORKFLOW_BUNDLE_PATH,
  };
}
