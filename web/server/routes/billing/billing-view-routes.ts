import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PLAN_IDS,
  type PlanCatalogue,
  type PlanFeature,
  type PlanId,
  planLimitsSchema,
} from '../../../../domain/plans.ts';
import { snowflake } from '../../../../domain/snowflake.ts';
import { BILLING_PROVIDERS, ENTITLEMENT_SOURCES, SUBSCRIPTION_STATUSES } from '../../../../domain/subscription.ts';
import { dismissBillingNotice, listBillingNotices } from '../../../../store/entitlements/billing-notices.ts';
import { guildPlan } from '../../../../store/entitlements/guild-plan.ts';
import { monthlyTicketUsage } from '../../../../store/entitlements/monthly-usage.ts';
import { notFound } from '../../http/api-error.ts';
import { accessibleGuild } from '../../sessions/signed-in-session.ts';
import type { WebServices } from '../../web-services.ts';

/** The lowest plan whose limits turn the feature on: what a locked part of the panel names; null when none does. */
export function planUnlocking(catalogue: PlanCatalogue, feature: PlanFeature): PlanId | null {
  return PLAN_IDS.find((plan) => catalogue[plan].features[feature]) ?? null;
}

const billingView = z.object({
  plan: z.enum(PLAN_IDS),
  limits: planLimitsSchema,
  usage: z.object({ monthStart: z.date(), monthEnd: z.date(), ticketsOpened: z.number(), ticketTypes: z.number() }),
  /** The active entitlements giving the plan, best first, each with the subscription it mirrors (if any). */
  grants: z.array(
    z.object({
      id: z.string(),
      plan: z.enum(PLAN_IDS),
      source: z.enum(ENTITLEMENT_SOURCES),
      /** A user's entitlement assigned to this server, or the server's own. */
      via: z.enum(['guild', 'assignment']),
      startsAt: z.date(),
      endsAt: z.date().nullable(),
      subscription: z
        .object({
          provider: z.enum(BILLING_PROVIDERS),
          subscriptionId: z.string(),
          status: z.enum(SUBSCRIPTION_STATUSES),
          currentPeriodEnd: z.date(),
          trialEnd: z.date().nullable(),
          paymentFailedAt: z.date().nullable(),
          price: z.object({ amountMinor: z.number(), currency: z.string(), interval: z.enum(['month', 'year']) }),
        })
        .nullable(),
    }),
  ),
  notices: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['payment_failed', 'grace_ending', 'plan_ended', 'payment_recovered']),
      plan: z.enum(PLAN_IDS),
      at: z.date(),
    }),
  ),
  /** Every plan's limits, to compare; and which plan first unlocks each premium feature. */
  plans: z.array(z.object({ id: z.enum(PLAN_IDS), limits: planLimitsSchema })),
  /** The providers this service takes payments through, to offer as upgrade buttons. */
  providers: z.array(z.enum(BILLING_PROVIDERS)),
  unlocks: z.object({
    stats: z.enum(PLAN_IDS).nullable(),
    exports: z.enum(PLAN_IDS).nullable(),
    customBot: z.enum(PLAN_IDS).nullable(),
    customDomain: z.enum(PLAN_IDS).nullable(),
  }),
});

/**
 * `GET /api/v1/guilds/:guildId/billing` (admins): the server's plan now and its limits, its usage this UTC month
 * (tickets opened, ticket types configured), the entitlements giving the plan with their subscriptions as the
 * workflows mirrored them (so the page says what happens at period end), its billing notices not yet dismissed,
 * and the catalogue to compare and name what unlocks each premium feature. Checkout, manage and cancel are
 * web/server/routes/billing/'s other routes. `POST .../billing/notices/:noticeId/dismiss` takes a notice off the page
 * (dismissing it again changes nothing; another server's is not found).
 */
export const billingViewRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.get(
    '/api/v1/guilds/:guildId/billing',
    {
      config: { access: 'admin' },
      schema: { params: z.object({ guildId: snowflake }), response: { 200: billingView } },
    },
    async (request) => {
      const guild = accessibleGuild(request);
      const now = new Date();
      const [plan, usage, config, notices] = await Promise.all([
        guildPlan(services.prisma, services.plans, guild.id, now),
        monthlyTicketUsage(services.prisma, guild.id, now),
        services.guildConfigs.loadGuildConfig(guild.id),
        listBillingNotices(services.prisma, guild.id),
      ]);
      return {
        plan: plan.plan,
        limits: plan.limits,
        usage: {
          monthStart: usage.month.start,
          monthEnd: usage.month.end,
          ticketsOpened: usage.ticketsOpened,
          ticketTypes: config?.ticketTypes.length ?? 0,
        },
        grants: plan.grants.map(({ entitlement, via, subscription }) => ({
          id: entitlement.id,
          plan: entitlement.plan,
          source: entitlement.source,
          via,
          startsAt: entitlement.startsAt,
          endsAt: entitlement.endsAt,
          subscription,
        })),
        notices: notices.map(({ id, kind, plan: noticePlan, at }) => ({ id, kind, plan: noticePlan, at })),
        plans: PLAN_IDS.map((id) => ({ id, limits: services.plans[id] })),
        providers: BILLING_PROVIDERS.filter((provider) => services.billing.providers[provider] !== undefined),
        unlocks: {
          stats: planUnlocking(services.plans, 'stats'),
          exports: planUnlocking(services.plans, 'exports'),
          customBot: planUnlocking(services.plans, 'customBot'),
          customDomain: planUnlocking(services.plans, 'customDomain'),
        },
      };
    },
  );

  app.post(
    '/api/v1/guilds/:guildId/billing/notices/:noticeId/dismiss',
    {
      config: { access: 'admin' },
      schema: {
        params: z.object({ guildId: snowflake, noticeId: z.string().min(1).max(64) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const notice = await dismissBillingNotice(services.prisma, {
        guildId: accessibleGuild(request).id,
        noticeId: request.params.noticeId,
      });
      if (!notice) throw notFound('This notice');
      return reply.code(204).send(null);
    },
  );
};
