import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import { z } from 'zod';
import { DEFAULT_TICKET_TASK_QUEUE } from '../workflows/ticket/definitions.ts';
import { parseEnv } from './parse-env.ts';

const temporalEnvSchema = z
  .object({
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TICKET_TASK_QUEUE),
    TEMPORAL_API_KEY: z.string().min(1).optional(),
    TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
    TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  })
  .refine((env) => Boolean(env.TEMPORAL_TLS_CERT_PATH) === Boolean(env.TEMPORAL_TLS_KEY_PATH), {
    message: 'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together: set both or neither',
  });

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /** What both the client's Connection and the worker's NativeConnection take. */
  connection: { address: string; tls?: TLSConfig | boolean; apiKey?: string };
}

/** Where Temporal is and how to reach it: the dev server by default, any cluster or Temporal Cloud by env. */
export function loadTemporalConfig(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  const parsed = parseEnv(temporalEnvSchema, env);
  const clientCertPair =
    parsed.TEMPORAL_TLS_CERT_PATH && parsed.TEMPORAL_TLS_KEY_PATH
      ? { crt: readFileSync(parsed.TEMPORAL_TLS_CERT_PATH), key: readFileSync(parsed.TEMPORAL_TLS_KEY_PATH) }
      : undefined;
  const tls = clientCertPair ? { clientCertPair } : parsed.TEMPORAL_API_KEY ? true : undefined;
  return {
    address: parsed.TEMPORAL_ADDRESS,
    namespace: parsed.TEMPORAL_NAMESPACE,
    taskQueue: parsed.TEMPORAL_TASK_QUEUE,
    connection: { address: parsed.TEMPORAL_ADDRESS, tls, apiKey: parsed.TEMPORAL_API_KEY },
  };
}
