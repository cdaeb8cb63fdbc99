import { z } from 'zod';
import { LOG_LEVELS } from '../telemetry/logger.ts';

/** `LOG_LEVEL`, the same for every process: fatal, error, warn, info (the default), debug, trace or silent. */
export const logLevelVariable = z.enum(LOG_LEVELS).default('info');

/** The port of an HTTP endpoint a process serves (health, metrics); 0 turns the endpoint off. */
export function portVariable(defaultPort: number) {
  return z.coerce.number().int().min(0).max(65_535).default(defaultPort);
}

/** A duration given in whole or fractional seconds. */
export function secondsVariable(defaultSeconds: number) {
  return z.coerce.number().min(0).max(3_600).default(defaultSeconds);
}

/** What each long-running process reads for its logs, health endpoints and Temporal SDK metrics. */
export interface TelemetryConfig {
  logLevel: z.infer<typeof logLevelVariable>;
  /** `/livez`, `/readyz` and `/metrics`; 0 when off. */
  healthPort: number;
  /** The Temporal SDK's Prometheus exporter; 0 when off. */
  temporalMetricsPort: number;
}
