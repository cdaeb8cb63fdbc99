import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLAN_IDS } from '../../../../domain/plans.ts';
import { entitlementListQuerySchema, listEntitlements } from '../../../../store/entitlements/entitlement-list.ts';
import { guildPlanListQuerySchema, listGuildPlans } from '../../../../store/entitlements/guild-plan-list.ts';
import { listSubscriptions, subscriptionListQuerySchema } from '../../../../store/entitlements/subscription-list.ts';
import { withStoreInput } from '../../http/store-input.ts';
import type { WebServices } from '../../web-services.ts';
import { entitlementView, nextCursor, subscriptionView } from './admin-views.ts';

/**
 * The operators' lists, newest first in keyset pages (store/entitlements/): `GET /api/v1/admin/subscriptions`
 * (provider, plan, status, guild, user), `GET /api/v1/admin/entitlements` (source, plan, status, guild, user) and
 * `GET /api/v1/admin/guilds` (every guild the service knows, with its plan and this month's tickets). The store's
 * own query schemas check the filters, so a bad one is a 400 naming it.
 */
export const adminListRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/admin/subscriptions',
    {
      config: { access: 'operator' },
      schema: {
        querystring: subscriptionListQuerySchema,
        response: { 200: z.object({ subscriptions: z.array(subscriptionView), nextCursor }) },
      },
    },
    async (request) => withStoreInput(() => listSubscriptions(services.prisma, request.query)),
  );

  app.get(
    '/api/v1/admin/entitlements',
    {
      config: { access: 'operator' },
      schema: {
        querystring: entitlementListQuerySchema,
        response: {
          200: z.object({
            entitlements: z.array(entitlementView.extend({ assignedGuildIds: z.array(z.string()) })),
            nextCursor,
          }),
        },
      },
    },
    async (request) => withStoreInput(() => listEntitlements(services.prisma, request.query)),
  );

  app.get(
    '/api/v1/admin/guilds',
    {
      config: { access: 'operator' },
      schema: {
        querystring: guildPlanListQuerySchema,
        response: {
          200: z.object({
            guilds: z.array(
              z.object({
                guildId: z.string(),
                plan: z.enum(PLAN_IDS),
                ticketsPerMonth: z.number().nullable(),
                ticketsThisMonth: z.number(),
                /** Where the plan comes from: the best grant's source, null on free. */
                grantedBy: z.string().nullable(),
              }),
            ),
            nextCursor,
          }),
        },
      },
    },
    async (request) => {
      const page = await withStoreInput(() => listGuildPlans(services.prisma, services.plans, request.query));
      return {
        nextCursor: page.nextCursor,
        guilds: page.guilds.map((guild) => ({
          guildId: guild.guildId,
          plan: guild.plan,
          ticketsPerMonth: guild.limits.ticketsPerMonth,
          ticketsThisMonth: guild.usage.ticketsOpened,
          grantedBy: guild.grants[0]?.entitlement.source ?? null,
        })),
      };
    },
  );
};
