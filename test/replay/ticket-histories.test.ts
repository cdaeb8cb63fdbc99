import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { bundleTicketWorkflows } from '../support/temporal.ts';

const fixturesDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));

/**
 * Tickets live for weeks, so workers replay histories written by older code. A change to the workflow
 * that is not behind `patched()` makes one of these recorded histories fail here.
 */
describe('replaying recorded ticket histories against the current workflow code', () => {
  it('replays every recorded history without a determinism error', async () => {
    const files = (await readdir(fixturesDir)).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(5);
    const workflowBundle = await bundleTicketWorkflows();
    const histories = await Promise.all(
      files.map(async (file) => ({
        workflowId: file,
        history: historyFromJSON(JSON.parse(await readFile(`${fixturesDir}${file}`, 'utf8'))),
      })),
    );
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  });
});
