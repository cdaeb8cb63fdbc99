import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BILLING_PROVIDERS } from '../../../../domain/subscription.ts';
import { revenueByProviderAndMonth } from '../../../../store/entitlements/revenue.ts';
import { withStoreInput } from '../../http/store-input.ts';
import type { WebServices } from '../../web-services.ts';

/** Months shown when the query names none: this one and the eleven before it. */
const DEFAULT_MONTHS = 12;

function yearMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/**
 * `GET /api/v1/admin/revenue?from=YYYY-MM&to=YYYY-MM`: MRR, subscriptions paying at each month's start and churn by
 * provider, currency and month, from the subscription mirror (store/entitlements/revenue.ts); the last twelve months
 * by default. Bad months are a 400 naming the field.
 */
export const adminRevenueRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/admin/revenue',
    {
      config: { access: 'operator' },
      schema: {
        querystring: z.strictObject({ from: z.string().optional(), to: z.string().optional() }),
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            months: z.array(
              z.object({
                month: z.string(),
                provider: z.enum(BILLING_PROVIDERS),
                currency: z.string(),
                mrrMinor: z.number(),
                activeAtStart: z.number(),
                endedInMonth: z.number(),
                churn: z.number().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const now = new Date();
      const to = request.query.to ?? yearMonth(now);
      const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (DEFAULT_MONTHS - 1), 1));
      const from = request.query.from ?? yearMonth(start);
      const months = await withStoreInput(() => revenueByProviderAndMonth(services.prisma, { from, to }, now));
      return { from, to, months };
    },
  );
};
