import type { WorkflowHandle } from '@temporalio/client';

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];

export interface ActivityTiming {
  type: string;
  /** Scheduled → picked up by a worker. */
  queueMs: number;
  /** Picked up → completed. */
  runMs: number;
}

/** Where a workflow's time went, from its start event up to a chosen end event, on the server's clock. */
export interface HistoryProfile {
  startedAtMs: number;
  endedAtMs: number;
  /**
   * Activities that ran to completion before the end event, in order. Not every one scheduled before it: the
   * workflow task that completes the open update also schedules the welcome's first activity.
   */
  activities: ActivityTiming[];
  /** Workflow tasks (the workflow code deciding what comes next) before the end event: queue plus run. */
  workflowTaskMs: number;
}

/** The workflow's history up to the first event `isEnd` accepts (the open update completing, the workflow ending). */
export function profileHistory(history: History, isEnd: (event: HistoryEvent) => boolean): HistoryProfile {
  const events = history.events ?? [];
  const endIndex = events.findIndex(isEnd);
  if (endIndex === -1) throw new Error('the history has no end event');
  const phase = events.slice(0, endIndex + 1);
  const timeOf = (event: HistoryEvent | undefined) => {
    if (!event?.eventTime) throw new Error('a history event has no time');
    return Number(event.eventTime.seconds ?? 0) * 1000 + (event.eventTime.nanos ?? 0) / 1e6;
  };
  const byId = new Map(phase.map((event) => [Number(event.eventId), event]));
  const activities: ActivityTiming[] = [];
  let workflowTaskMs = 0;
  for (const event of phase) {
    const completed = event.activityTaskCompletedEventAttributes;
    if (completed) {
      const scheduled = byId.get(Number(completed.scheduledEventId));
      const started = byId.get(Number(completed.startedEventId));
      activities.push({
        type: scheduled?.activityTaskScheduledEventAttributes?.activityType?.name ?? '?',
        queueMs: timeOf(started) - timeOf(scheduled),
        runMs: timeOf(event) - timeOf(started),
      });
    }
    const taskCompleted = event.workflowTaskCompletedEventAttributes;
    if (taskCompleted) workflowTaskMs += timeOf(event) - timeOf(byId.get(Number(taskCompleted.scheduledEventId)));
  }
  return { startedAtMs: timeOf(phase[0]), endedAtMs: timeOf(phase[endIndex]), activities, workflowTaskMs };
}

export const openUpdateCompleted = (event: HistoryEvent): boolean =>
  Boolean(event.workflowExecutionUpdateCompletedEventAttributes);

export const workflowCompleted = (event: HistoryEvent): boolean =>
  Boolean(event.workflowExecutionCompletedEventAttributes);
