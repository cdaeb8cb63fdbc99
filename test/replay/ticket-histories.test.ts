import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replayRecordedHistories } from '../support/replay-histories.ts';

const fixturesDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));

/**
 * Tickets live for weeks, so workers replay histories written by older code. A change to the workflow
 * that is not behind `patched()` makes one of these recorded histories fail here.
 */
describe('replaying recorded ticket histories against the current workflow code', () => {
  it('replays every recorded history without a determinism error', async () => {
    const { files, failures } = await replayRecordedHistories(fixturesDir);
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(failures).toEqual([]);
  });
});
