import { log } from './log-context.ts';

/**
 * Calls `stop` once, on the first SIGTERM (docker stop, an orchestrator, scripts/stop.sh) or SIGINT (Ctrl-C). A
 * repeated signal does not cut the stop short: the process keeps draining and exits when `stop` says so.
 */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => void): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return log().warn({ signal }, 'already stopping');
      stopping = true;
      log().info({ signal }, 'stopping');
      stop(signal);
    });
  }
}
