/** When to restart a crashed process, and when to stop trying. */
export interface CrashBackoffOptions {
  /** Wait before the first restart; each fast crash in a row doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A run shorter than this that ends in a crash is a fast crash: the process likely cannot start at all. */
  fastRunMs: number;
  /** Fast crashes in a row after which restarting stops until someone asks for it. */
  giveUpAfter: number;
}

export const DEFAULT_CRASH_BACKOFF: CrashBackoffOptions = {
  firstDelayMs: 1000,
  maxDelayMs: 30_000,
  // The worker bundles its workflows for some 10 to 20 s before it polls: a crash within a minute is a start failure.
  fastRunMs: 60_000,
  giveUpAfter: 5,
};

export type CrashDecision =
  | { action: 'restart'; delayMs: number; fastCrashes: number }
  | { action: 'give-up'; fastCrashes: number };

/**
 * Exponential backoff over fast crashes in a row: a process that ran a while before crashing is restarted after
 * the first delay, one that keeps dying at start waits longer each time and is finally left stopped, so a
 * broken configuration does not loop forever and the message that explains it stays on screen.
 */
export class CrashBackoff {
  readonly options: CrashBackoffOptions;
  #fastCrashes = 0;

  constructor(options: CrashBackoffOptions = DEFAULT_CRASH_BACKOFF) {
    this.options = options;
  }

  /** The process crashed after running `runMs`. */
  crashed(runMs: number): CrashDecision {
    const { firstDelayMs, maxDelayMs, fastRunMs, giveUpAfter } = this.options;
    this.#fastCrashes = runMs < fastRunMs ? this.#fastCrashes + 1 : 0;
    if (this.#fastCrashes >= giveUpAfter) return { action: 'give-up', fastCrashes: this.#fastCrashes };
    const doublings = Math.max(0, this.#fastCrashes - 1);
    return {
      action: 'restart',
      delayMs: Math.min(maxDelayMs, firstDelayMs * 2 ** doublings),
      fastCrashes: this.#fastCrashes,
    };
  }

  /** A restart someone asked for starts a fresh count. */
  reset(): void {
    this.#fastCrashes = 0;
  }
}
