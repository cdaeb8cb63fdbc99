import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redactSecretFields, scrubSecretText } from './redact-secrets.ts';

export type { Logger } from 'pino';

/** pino's levels, most severe first; `LOG_LEVEL` takes one of them. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * How every Ticketflow process logs: one JSON object a line on stdout, the level as a word, an ISO time, the
 * process's name, and secrets removed twice over (fields named like secrets, then secret-shaped text anywhere in
 * the finished line, messages included). Plain pino options, so the web process passes the same object to fastify
 * as its `logger` option.
 */
export function loggerOptions(name: string, level: LogLevel): LoggerOptions {
  return {
    name,
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      bindings: redactSecretFields,
      log: redactSecretFields,
    },
    // Errors were made plain objects by the formatter above, which serializes them to check their fields.
    serializers: { err: asIs },
    hooks: { streamWrite: scrubSecretText },
  };
}

const asIs = (value: unknown) => value;

/** A process's logger; tests pass a destination to read what it wrote. */
export function createLogger(name: string, level: LogLevel, destination?: DestinationStream): Logger {
  return pino(loggerOptions(name, level), destination);
}
