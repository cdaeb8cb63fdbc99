import { patched } from '@temporalio/workflow';
import type { TimerState } from '../../domain/ticket.ts';
import { reject } from './validators.ts';

/** Marks runs that keep staff's reason for turning the inactivity timer off. */
export const TIMER_DISABLE_REASON_PATCH = 'timer-disable-reason';

/** The reason is shown in an embed and in `/ticket list`: a sentence, not an essay. */
export const TIMER_DISABLE_REASON_MAX = 300;

/** Older callers (and histories) send no reason; one that is sent must be real text within the bound. */
export function validateTimerReason(reason: unknown): void {
  if (reason === undefined) return;
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > TIMER_DISABLE_REASON_MAX) {
    reject(
      'InvalidRequest',
      `A reason for turning the timer off is text of 1 to ${TIMER_DISABLE_REASON_MAX} characters.`,
    );
  }
}

/** The reason kept with a change of the timer: only when it is turned off with one, in runs that keep reasons. */
export function timerReasonToKeep(timer: TimerState, reason: string | undefined): string | undefined {
  const trimmed = reason?.trim();
  if (timer !== 'disabled' || !trimmed) return undefined;
  return patched(TIMER_DISABLE_REASON_PATCH) ? trimmed : undefined;
}
