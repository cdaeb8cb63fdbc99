import { query } from '@solidjs/router';
import { readJson } from './api.ts';

/** The operators' pages (routes/admin/), as the admin API (web/server/routes/admin/) answers them; times ISO 8601. */

export type WorkerHealth = {
  pollers: {
    taskQueue: string;
    kind: 'workflow' | 'activity';
    pollers: { identity: string; lastAccessAt: string | null }[];
  }[];
  failingActivities: {
    workflowId: string;
    workflowType: string;
    activityType: string;
    attempt: number;
    lastFailure: string | null;
    lastStartedAt: string | null;
  }[];
  inspected: { workflows: number; more: boolean };
};
export type ServiceHealth = { workers: WorkerHealth | null; temporalError: string | null };

/** Null when the viewer is not an operator (the API answers 404, as for a page that does not exist). */
export const getServiceHealth = query(
  (): Promise<ServiceHealth | null> => readJson<ServiceHealth>('/api/v1/admin/health'),
  'adminHealth',
);
