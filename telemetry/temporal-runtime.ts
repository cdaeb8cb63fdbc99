import { Runtime } from '@temporalio/worker';
import type { Logger, LogLevel } from './logger.ts';
import { coreLogLevel, temporalLogger } from './temporal-logger.ts';

/**
 * Installs the Temporal SDK's process-wide runtime, before any connection is made: its logs (Core's included) go
 * through our logger, and with a port, its metrics (the worker's polls, tasks, activity failures, and every client
 * request of a NativeConnection) are served for Prometheus on `http://<host>:<port>/metrics`.
 * No shutdown signals: each entry point stops its worker and connections in its own order.
 */
export function installTemporalRuntime(options: { logger: Logger; level: LogLevel; metricsPort: number }): void {
  Runtime.install({
    logger: temporalLogger(options.logger),
    shutdownSignals: [],
    telemetryOptions: {
      logging: { forward: {}, filter: { core: coreLogLevel(options.level) } },
      // 0.0.0.0: in a container the scraper is another host; the endpoint holds no secrets.
      ...(options.metricsPort > 0 && { metrics: { prometheus: { bindAddress: `0.0.0.0:${options.metricsPort}` } } }),
    },
  });
}
