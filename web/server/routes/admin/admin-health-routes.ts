import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DAY_MS } from '../../../../domain/plan-limits.ts';
import { refusedWebhooksSince } from '../../../../store/webhook-deliveries.ts';
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
  /** Webhook deliveries refused in the last day, by provider and reason: a wrong secret shows here first. */
  refusedWebhooks: z.array(z.object({ provider: z.string(), reason: z.string(), count: z.number(), lastAt: z.date() })),
});

/**
 * `GET /api/v1/admin/health`: the workers polling and activities failing repeatedly (web/server/admin/), or that
 * Temporal could not be asked, and the payment webhooks refused in the last day (store/webhook-deliveries.ts).
 */
export const adminHealthRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/admin/health',
    { config: { access: 'operator' }, schema: { response: { 200: healthReply } } },
    async (request) => {
      const refusedWebhooks = await refusedWebhooksSince(services.prisma, new Date(Date.now() - DAY_MS));
      try {
        const workers = await services.temporal.connection.withDeadline(Date.now() + TEMPORAL_DEADLINE_MS, () =>
          readWorkerHealth(services.temporal, [services.taskQueue]),
        );
        return { workers, temporalError: null, refusedWebhooks };
      } catch (error) {
        request.log.warn({ err: error }, 'the health page could not read Temporal');
        return {
          workers: null,
          temporalError: 'Temporal did not answer: no worker can be polling either.',
          refusedWebhooks,
        };
      }
    },
  );
};
