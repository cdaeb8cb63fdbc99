import { describe, expect, it } from 'vitest';
import { CrashBackoff } from '../../scripts/supervisor/crash-backoff.ts';

const options = { firstDelayMs: 1000, maxDelayMs: 5000, fastRunMs: 60_000, giveUpAfter: 5 };

describe('crash backoff', () => {
  it('doubles the wait over fast crashes in a row, up to the cap, then gives up', () => {
    const backoff = new CrashBackoff(options);
    const decisions = Array.from({ length: 5 }, () => backoff.crashed(2_000));
    expect(decisions).toEqual([
      { action: 'restart', delayMs: 1000, fastCrashes: 1 },
      { action: 'restart', delayMs: 2000, fastCrashes: 2 },
      { action: 'restart', delayMs: 4000, fastCrashes: 3 },
      { action: 'restart', delayMs: 5000, fastCrashes: 4 },
      { action: 'give-up', fastCrashes: 5 },
    ]);
  });

  it('restarts after the first wait when the process ran a while before crashing', () => {
    const backoff = new CrashBackoff(options);
    backoff.crashed(2_000);
    backoff.crashed(2_000);
    expect(backoff.crashed(3_600_000)).toEqual({ action: 'restart', delayMs: 1000, fastCrashes: 0 });
    expect(backoff.crashed(2_000)).toEqual({ action: 'restart', delayMs: 1000, fastCrashes: 1 });
  });

  it('starts a fresh count after a restart someone asked for', () => {
    const backoff = new CrashBackoff(options);
    for (let crash = 0; crash < 4; crash++) backoff.crashed(0);
    backoff.reset();
    expect(backoff.crashed(0)).toEqual({ action: 'restart', delayMs: 1000, fastCrashes: 1 });
  });
});
