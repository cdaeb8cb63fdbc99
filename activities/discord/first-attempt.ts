import { asyncLocalStorage } from '@temporalio/activity';

/**
 * True on an activity's first attempt, when no earlier attempt can have half-done its work, so the lookups that
 * make a retry idempotent (is the thread already there? who is already in it?) can be skipped: each is a
 * request against the bot's 50-per-second budget. Outside an activity (a direct call) it answers false, the
 * careful way.
 */
export function isFirstAttempt(): boolean {
  return asyncLocalStorage.getStore()?.info.attempt === 1;
}
