import {
  type Client,
  ScheduleAlreadyRunning,
  type ScheduleOptionsStartWorkflowAction,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import { RETENTION_SCHEDULE_ID, RETENTION_WORKFLOW_ID } from '../workflows/retention/definitions.ts';
import type { retentionWorkflow } from '../workflows/retention/retention-workflow.ts';

/** Daily, at a quiet hour in UTC. */
const RETENTION_SPEC = { calendars: [{ hour: 3, minute: 30 }] };

/**
 * Creates the daily retention Schedule, or brings an existing one to this deployment's definition (when to run,
 * which workflow, which task queue), keeping its state: a Schedule an operator paused stays paused. The worker calls
 * it at every start, so there is one Schedule per namespace however many workers start or restart, and it follows
 * the code that runs it. A run still going when the next is due makes that one skip; a run missed while Temporal was
 * down is taken when it is back, within a day.
 */
export async function ensureRetentionSchedule(
  client: Client,
  options: { taskQueue: string },
): Promise<'created' | 'updated'> {
  const action: ScheduleOptionsStartWorkflowAction<typeof retentionWorkflow> = {
    type: 'startWorkflow',
    workflowType: 'retentionWorkflow',
    workflowId: RETENTION_WORKFLOW_ID,
    taskQueue: options.taskQueue,
    args: [],
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' };
  try {
    await client.schedule.create({ scheduleId: RETENTION_SCHEDULE_ID, spec: RETENTION_SPEC, action, policies });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule
    .getHandle(RETENTION_SCHEDULE_ID)
    .update((previous) => ({ ...previous, spec: RETENTION_SPEC, action, policies }));
  return 'updated';
}
