import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A process's own Prometheus registry, with Node's standard process metrics (CPU, memory, event loop lag, handles)
 * under their usual names. The Temporal SDK's metrics are not here: the SDK serves them on its own port.
 */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
