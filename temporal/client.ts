import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { TemporalConfig } from '../config/temporal-config.ts';

/** The connection of a Temporal client made here, as readiness probes and shutdowns see it. */
export type TemporalConnection = NativeConnection;

/**
 * The one way bot, panel and CLI reach Temporal; close `connection` when done. A NativeConnection (the SDK's Rust
 * core, as the worker's) rather than the pure-JS Connection: its requests are counted in the SDK's metrics, which a
 * process exports once it installs its runtime with a Prometheus port (telemetry/temporal-runtime.ts).
 */
export async function createTemporalClient(
  config: TemporalConfig,
): Promise<{ client: Client; connection: TemporalConnection }> {
  const connection = await NativeConnection.connect(config.connection);
  return { client: new Client({ connection, namespace: config.namespace }), connection };
}

/** How long a readiness probe waits for Temporal's answer. */
const PROBE_DEADLINE_MS = 1_500;

/** Resolves when the Temporal frontend answers; readiness of every process that needs Temporal. */
export async function temporalAnswers(connection: TemporalConnection): Promise<void> {
  await connection.withDeadline(Date.now() + PROBE_DEADLINE_MS, () => connection.workflowService.getSystemInfo({}));
}
