import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readWorkerHealth } from '../../admin/worker-health.ts';
import type { WebServices } from '../../web-services.ts';

/** Long enough for a few hundred describes on a busy cluster; short enough for a page an operator waits on. */
const TEMPORAL_DEADLINE_MS = 10_000;

const workerHealth = z.object({
  pollers: z.array(
    z.object({
      taskQueue: z.string(),
      kind: z.enum(['workflow', 'activity']),
      pollers: z.array(z.object({ identity: z.string(), lastAccessAt: z.string().nullable() })),
    }),
  ),
  failingActivities: z.array(
    z.object({
      workflowId: z.string(),
      workflowType: z.string(),
      activityType: z.string(),
      attempt: z.number(),
      lastFailure: z.string().nullable(),
      lastStartedAt: z.string().nullable(),
    }),
  ),
  inspected: z.object({ workflows: z.number(), more: z.boolean() }),
});

const healthReply = z.object({
  /** Null when Temporal did not answer, which is itself what the page must say. */
  workers: workerHealth.nullable(),
  temporalError: z.string().nullable(),
});

/**
 * `GET /api/v1/admin/health`: the workers polling and activities failing repeatedly (web/server/admin/), or that
 * Temporal could not be asked.
 */
export const adminHealthRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/admin/health',
    { config: { access: 'operator' }, schema: { response: { 200: healthReply } } },
    async (request) => {
      try {
        const workers = await services.temporal.connection.withDeadline(Date.now() + TEMPORAL_DEADLINE_MS, () =>
          readWorkerHealth(services.temporal, [services.taskQueue]),
        );
        return { workers, temporalError: null };
      } catch (error) {
        request.log.warn({ err: error }, 'the health page could not read Temporal');
        return { workers: null, temporalError: 'Temporal did not answer: no worker can be polling either.' };
      }
    },
  );
};
