import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import type { RecordingTicketActivities } from './recording-ticket-activities.ts';
import { bundleTicketWorkflows, startTimeSkippingServer } from './temporal.ts';
import { type TicketHarness, withTicketWorker } from './ticket-harness.ts';

export interface TimeSkippingSuite {
  env(): TestWorkflowEnvironment;
  /** The workflow bundle, for a worker of other workflows than tickets. */
  bundle(): WorkflowBundleWithSourceMap;
  withWorker<T>(
    body: (harness: TicketHarness) => Promise<T>,
    configure?: (fake: RecordingTicketActivities) => void,
  ): Promise<T>;
}

/** One time-skipping server and one workflow bundle per test file; each test gets its own worker and fake. */
export function timeSkippingSuite(): TimeSkippingSuite {
  let env: TestWorkflowEnvironment | undefined;
  let bundle: WorkflowBundleWithSourceMap | undefined;
  beforeAll(async () => {
    [env, bundle] = await Promise.all([startTimeSkippingServer(), bundleTicketWorkflows()]);
  });
  afterAll(async () => {
    await env?.teardown();
  });
  const ready = () => {
    if (!env || !bundle) throw new Error('the time-skipping suite has not started');
    return { env, bundle };
  };
  return {
    env: () => ready().env,
    bundle: () => ready().bundle,
    withWorker: (body, configure) => withTicketWorker(ready().env, ready().bundle, body, configure),
  };
}
