import { readdir, readFile } from 'node:fs/promises';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { bundleTicketWorkflows } from './temporal.ts';

/**
 * Replays every recorded history (`*.json`) in `dir` against the current workflow code: the files replayed and
 * what failed. A workflow change not behind `patched()` fails one of them.
 */
export async function replayRecordedHistories(dir: string): Promise<{ files: string[]; failures: string[] }> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const workflowBundle = await bundleTicketWorkflows();
  const histories = await Promise.all(
    files.map(async (file) => ({
      workflowId: file,
      history: historyFromJSON(JSON.parse(await readFile(`${dir}${file}`, 'utf8'))),
    })),
  );
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
    replayed += 1;
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  if (replayed !== files.length) failures.push(`replayed ${replayed} of ${files.length} histories`);
  return { files, failures };
}
