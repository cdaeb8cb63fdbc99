import type { NativeConnection, Worker } from '@temporalio/worker';
import type { ReadinessCheck } from '../telemetry/health-server.ts';
import { temporalAnswers } from './client.ts';

/** What the worker's readiness looks at; filled in as it starts, `stopping` set by its shutdown. */
export interface WorkerState {
  worker?: Worker;
  connection?: NativeConnection;
  stopping: boolean;
}

/** Ready: the worker runs and both its pollers poll (never once it stops), and the Temporal frontend answers. */
export function workerReadiness(state: WorkerState): Record<string, ReadinessCheck> {
  return {
    polling: () => {
      if (state.stopping) throw new Error('stopping');
      const status = state.worker?.getStatus();
      if (!status) throw new Error('starting');
      if (status.runState !== 'RUNNING') throw new Error(`worker is ${status.runState}`);
      if (status.workflowPollerState !== 'POLLING' || status.activityPollerState !== 'POLLING') {
        throw new Error(`pollers: workflows ${status.workflowPollerState}, activities ${status.activityPollerState}`);
      }
    },
    temporal: () => {
      if (!state.connection) throw new Error('not connected yet');
      return temporalAnswers(state.connection);
    },
  };
}
