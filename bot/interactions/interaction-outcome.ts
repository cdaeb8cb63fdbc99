import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How the bot dealt with an interaction, for its metrics: `answered` (the handler did its work), `refused` (a
 * refusal or a problem the member can fix, told in plain words), `failed` (something unexpected; the member got the
 * generic apology), `unknown` (no handler, e.g. a button of a retired kind), `restarting` (the bot was stopping).
 */
export type InteractionOutcome = 'answered' | 'refused' | 'failed' | 'unknown' | 'restarting';

const current = new AsyncLocalStorage<{ outcome: InteractionOutcome }>();

/**
 * Records the outcome of the interaction being handled. Handlers answer their own failures (some catch and answer
 * them where they happen), so the places that word an answer note it, not the router.
 */
export function noteInteractionOutcome(outcome: InteractionOutcome): void {
  const record = current.getStore();
  // A later note never makes the outcome look better than an earlier one did.
  if (record && SEVERITY.indexOf(outcome) > SEVERITY.indexOf(record.outcome)) record.outcome = outcome;
}

const SEVERITY: InteractionOutcome[] = ['answered', 'restarting', 'unknown', 'refused', 'failed'];

/** Runs the handling of one interaction (which must not throw) and tells how it went. */
export async function recordingOutcome(handle: () => Promise<void>): Promise<InteractionOutcome> {
  const record: { outcome: InteractionOutcome } = { outcome: 'answered' };
  await current.run(record, handle);
  return record.outcome;
}
