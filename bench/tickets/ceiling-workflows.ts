import { proxyActivities } from '@temporalio/workflow';
import type { CeilingActivities } from './ceiling-activities.ts';

/**
 * The ceilings the ticket benchmark compares with, on the same Temporal server: what Temporal itself costs for a
 * workflow doing as many activities as opening a ticket does, and for a workflow doing nothing.
 */

const { noop } = proxyActivities<CeilingActivities>({ startToCloseTimeout: '30 seconds' });

/** Runs `count` no-op activities one after another, as opening a ticket runs its activities in sequence. */
export async function noopActivitiesWorkflow(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) await noop();
}

export async function emptyWorkflow(): Promise<void> {}
