import type { LogMetadata, Logger as TemporalLogger, LogLevel as TemporalLogLevel } from '@temporalio/common';
import type { Logger, LogLevel } from './logger.ts';

const PINO_LEVEL: Record<TemporalLogLevel, Exclude<LogLevel, 'fatal' | 'silent'>> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * The Temporal SDK's logger interface on top of ours. The SDK hands it its own lines, Core's (forwarded), workflow
 * `log.*` calls (through the SDK's logger sink) and activity logs, each with its context as metadata: workflowId,
 * runId, activityType, attempt…, and the guildId and ticketNumber our interceptors add.
 */
export function temporalLogger(logger: Logger): TemporalLogger {
  const write = (level: TemporalLogLevel, message: string, meta: LogMetadata = {}) =>
    logger[PINO_LEVEL[level]](meta, message);
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

/** How much of Core's own logging (Rust) to forward: as much as LOG_LEVEL asks for, errors at least. */
export function coreLogLevel(level: LogLevel): TemporalLogLevel {
  switch (level) {
    case 'trace':
    case 'debug':
    case 'info':
    case 'warn':
      return level.toUpperCase() as TemporalLogLevel;
    default:
      return 'ERROR';
  }
}
