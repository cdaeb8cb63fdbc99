import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replayRecordedHistories } from '../support/replay-histories.ts';

const fixturesDir = fileURLToPath(new URL('../fixtures/subscription-histories/', import.meta.url));

/**
 * A subscription's workflow runs for a period at a time (it continues as new at each), so workers replay histories
 * up to a month or a year old. A change to the workflow not behind `patched()` makes one of these fail here.
 */
describe('replaying recorded subscription histories against the current workflow code', () => {
  it('replays every recorded history without a determinism error', async () => {
    const { files, failures } = await replayRecordedHistories(fixturesDir);
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(failures).toEqual([]);
  });
});
