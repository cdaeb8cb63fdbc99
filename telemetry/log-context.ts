import { AsyncLocalStorage } from 'node:async_hooks';
import { createLogger, type Logger } from './logger.ts';

/**
 * The logger of what is running now. An entry point installs its process logger once; a unit of work (an
 * interaction, a forwarded thread message) runs inside `withLogContext`, so every line logged on its behalf, however
 * deep, carries its guild, ticket and workflow ids without passing a logger through every function.
 */
let processLogger: Logger = createLogger('ticketflow', 'info');
const current = new AsyncLocalStorage<{ logger: Logger }>();

export function setProcessLogger(logger: Logger): void {
  processLogger = logger;
}

/** The logger for this line: the current unit of work's, else the process's. */
export function log(): Logger {
  return current.getStore()?.logger ?? processLogger;
}

/** Runs `work` with a logger that adds `fields` to every line logged inside it. */
export function withLogContext<T>(fields: Record<string, unknown>, work: () => T): T {
  return current.run({ logger: log().child(fields) }, work);
}

/** Adds fields learnt along the way (the ticket an action turned out to be about) to the rest of this unit of work. */
export function addLogContext(fields: Record<string, unknown>): void {
  const store = current.getStore();
  if (store) store.logger = store.logger.child(fields);
}
