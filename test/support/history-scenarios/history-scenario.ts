import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { bundleTicketWorkflows } from '../temporal.ts';

export interface HistoryScenarioContext {
  env: TestWorkflowEnvironment;
  bundle: Awaited<ReturnType<typeof bundleTicketWorkflows>>;
  /** Writes the history of this workflow run as the fixture `<version>-<name>.json`. */
  save(name: string, workflowId: string, runId?: string): Promise<void>;
}

/** A ticket life worth replaying: it drives a ticket through a time-skipping server and saves its history. */
export interface HistoryScenario {
  name: string;
  record(context: HistoryScenarioContext): Promise<void>;
}
