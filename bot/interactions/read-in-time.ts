import { withDeadline } from '../../telemetry/deadline.ts';

/**
 * How long the bot waits for Postgres before answering. Reads come before the bot asks a ticket anything, so when
 * they hang (a stalled connection waits for minutes) the member can be told in time, and truly, that nothing changed.
 */
export const READ_WITHIN_MS = 3_000;

/**
 * Reads before a modal, which must be the first answer: they leave time to show it within Discord's 3 seconds.
 */
export const BEFORE_MODAL_READ_WITHIN_MS = 1_500;

/** A Postgres read an answer depends on, under READ_WITHIN_MS. */
export function readInTime<T>(read: Promise<T>): Promise<T> {
  return withDeadline(read, READ_WITHIN_MS);
}
