import type { Client as TemporalClient } from '@temporalio/client';
import proto from '@temporalio/proto';

const { TaskQueueType } = proto.temporal.api.enums.v1;

/** A pending activity is failing repeatedly from this attempt on: its first retry could be a blip, the third is not. */
export const FAILING_ATTEMPTS = 3;
/** The newest running workflows looked into for failing activities: describing each costs one call to Temporal. */
export const WORKFLOWS_INSPECTED = 200;
const DESCRIBE_CONCURRENCY = 8;

export interface TaskQueuePollers {
  taskQueue: string;
  kind: 'workflow' | 'activity';
  pollers: { identity: string; lastAccessAt: string | null }[];
}

export interface FailingActivity {
  workflowId: string;
  workflowType: string;
  activityType: string;
  attempt: number;
  lastFailure: string | null;
  lastStartedAt: string | null;
}

export interface WorkerHealth {
  pollers: TaskQueuePollers[];
  failingActivities: FailingActivity[];
  /** How many running workflows were looked into, and whether there were more than WORKFLOWS_INSPECTED. */
  inspected: { workflows: number; more: boolean };
}

type Timestamp = { seconds?: { toString(): string } | null; nanos?: number | null } | null | undefined;

function isoOf(timestamp: Timestamp): string | null {
  if (!timestamp?.seconds) return null;
  const ms = Number(timestamp.seconds.toString()) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6);
  return new Date(ms).toISOString();
}

/**
 * What Temporal says about the workers and their work, for the operators' health page: who polls each task queue
 * (a queue nobody polls means every ticket and subscription waits), and the activities of running workflows that
 * have failed FAILING_ATTEMPTS times or more and are still being retried (Temporal retries them forever by default).
 * Bounded: the newest WORKFLOWS_INSPECTED running workflows are described, a few at a time.
 */
export async function readWorkerHealth(temporal: TemporalClient, taskQueues: readonly string[]): Promise<WorkerHealth> {
  const namespace = temporal.options.namespace;
  const pollers = await Promise.all(
    taskQueues.flatMap((taskQueue) =>
      (['workflow', 'activity'] as const).map(async (kind): Promise<TaskQueuePollers> => {
        const answer = await temporal.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue },
          taskQueueType:
            kind === 'workflow' ? TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW : TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
        });
        return {
          taskQueue,
          kind,
          pollers: (answer.pollers ?? []).map((poller) => ({
            identity: poller.identity ?? 'unknown',
            lastAccessAt: isoOf(poller.lastAccessTime),
          })),
        };
      }),
    ),
  );

  const running: { workflowId: string; runId: string; type: string }[] = [];
  let more = false;
  for await (const execution of temporal.workflow.list({ query: 'ExecutionStatus = "Running"' })) {
    if (running.length === WORKFLOWS_INSPECTED) {
      more = true;
      break;
    }
    running.push({ workflowId: execution.workflowId, runId: execution.runId, type: execution.type });
  }

  const failingActivities: FailingActivity[] = [];
  for (let start = 0; start < running.length; start += DESCRIBE_CONCURRENCY) {
    const batch = running.slice(start, start + DESCRIBE_CONCURRENCY);
    const described = await Promise.all(
      batch.map((workflow) =>
        temporal.workflow
          .getHandle(workflow.workflowId, workflow.runId)
          .describe()
          // A workflow that ended between the list and the describe has nothing pending.
          .then((description) => ({ workflow, pending: description.raw.pendingActivities ?? [] }))
          .catch(() => ({ workflow, pending: [] })),
      ),
    );
    for (const { workflow, pending } of described) {
      for (const activity of pending) {
        const attempt = activity.attempt ?? 1;
        if (attempt < FAILING_ATTEMPTS) continue;
        failingActivities.push({
          workflowId: workflow.workflowId,
          workflowType: workflow.type,
          activityType: activity.activityType?.name ?? 'unknown',
          attempt,
          lastFailure: activity.lastFailure?.message ?? null,
          lastStartedAt: isoOf(activity.lastStartedTime),
        });
      }
    }
  }
  failingActivities.sort((a, b) => b.attempt - a.attempt);
  return { pollers, failingActivities, inspected: { workflows: running.length, more } };
}
