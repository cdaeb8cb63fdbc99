import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ceilingActivities } from './ceiling-activities.ts';
import { emptyWorkflow, noopActivitiesWorkflow } from './ceiling-workflows.ts';
import { type HistoryProfile, profileHistory, workflowCompleted } from './history-profile.ts';
import { measureRate, type RateMeasurement } from './measure-rate.ts';

export const CEILING_TASK_QUEUE = 'ticketflow-bench-ceilings';

/** Bundling takes seconds: started while the system comes up. */
export function bundleCeilingWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./ceiling-workflows.ts', import.meta.url)),
    logger: new DefaultLogger('WARN'),
  });
}

export interface CeilingRun {
  /** The k no-op activities workflow, or the empty one. */
  measurement: RateMeasurement;
  /** Every workflow's history, start to completion. */
  profiles: HistoryProfile[];
}

export interface Ceilings {
  noopActivities(count: number, concurrency: number): Promise<CeilingRun>;
  empty(count: number, concurrency: number): Promise<CeilingRun>;
}

/**
 * A second worker, in this process, on the ticket system's own dev server, polling its own task queue: the
 * ceilings run on the same Temporal as the tickets, with the same worker defaults as the ticket worker.
 */
export async function withCeilingWorker<T>(
  temporal: TestWorkflowEnvironment,
  bundle: WorkflowBundleWithSourceMap,
  activitiesPerOpen: number,
  work: (ceilings: Ceilings) => Promise<T>,
): Promise<T> {
  const worker = await Worker.create({
    connection: temporal.nativeConnection,
    taskQueue: CEILING_TASK_QUEUE,
    workflowBundle: bundle,
    activities: ceilingActivities,
  });
  let runs = 0;
  const client = temporal.client;
  const measure = async (
    name: string,
    count: number,
    concurrency: number,
    start: (workflowId: string) => Promise<void>,
  ) => {
    runs += 1;
    const workflowIds = Array.from({ length: count }, (_, index) => `bench-${name}-${runs}-${index}`);
    const measurement = await measureRate(count, concurrency, (index) => start(workflowIds[index] as string));
    const profiles = await Promise.all(
      workflowIds.map(async (workflowId) =>
        profileHistory(await client.workflow.getHandle(workflowId).fetchHistory(), workflowCompleted),
      ),
    );
    return { measurement, profiles };
  };
  return worker.runUntil(() =>
    work({
      noopActivities: (count, concurrency) =>
        measure('noop', count, concurrency, (workflowId) =>
          client.workflow.execute(noopActivitiesWorkflow, {
            workflowId,
            taskQueue: CEILING_TASK_QUEUE,
            args: [activitiesPerOpen],
          }),
        ),
      empty: (count, concurrency) =>
        measure('empty', count, concurrency, (workflowId) =>
          client.workflow.execute(emptyWorkflow, { workflowId, taskQueue: CEILING_TASK_QUEUE }),
        ),
    }),
  );
}
