import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { billingPagePath } from '../../../../domain/panel-paths.ts';
import { snowflake } from '../../../../domain/snowflake.ts';
import { BILLING_PROVIDERS } from '../../../../domain/subscription.ts';
import { configuredProvider } from '../../billing/billing-services.ts';
import { type GuildSubscriptionRef, guildSubscription } from '../../billing/guild-subscription.ts';
import { callProvider } from '../../billing/provider-call.ts';
import { accessibleGuild, signedInSession } from '../../sessions/signed-in-session.ts';
import type { WebServices } from '../../web-services.ts';

/**
 * Which subscription, needed only when the guild has more than one live: both fields or neither. fastify gives a
 * request without a body as null.
 */
const subscriptionBody = z
  .strictObject({
    provider: z.enum(BILLING_PROVIDERS).optional(),
    subscriptionId: z.string().min(1).max(255).optional(),
  })
  .refine((body) => (body.provider === undefined) === (body.subscriptionId === undefined), {
    path: ['subscriptionId'],
    message: 'give provider and subscriptionId together, or neither',
  })
  .nullish();

/** The subscription the body names, if it names one. */
function named(body: z.output<typeof subscriptionBody>): GuildSubscriptionRef | undefined {
  return body?.provider && body.subscriptionId
    ? { provider: body.provider, subscriptionId: body.subscriptionId }
    : undefined;
}

const params = z.object({ guildId: snowflake });

/**
 * A guild admin's management of the guild's subscription:
 * - `POST /api/v1/guilds/:guildId/billing/manage` → `{url}`: the provider's own page for it (payment method,
 *   invoices, plan), which sends them back to the billing page;
 * - `POST /api/v1/guilds/:guildId/billing/cancel` → `{status, endsAt}`: cancelled at the end of the period already
 *   paid for, which the plan keeps until then. The workflow is told at once; the provider's webhook confirms it.
 * Both take `{provider, subscriptionId}` when the guild has several live subscriptions (409 otherwise).
 */
export const subscriptionRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.post(
    '/api/v1/guilds/:guildId/billing/manage',
    {
      config: { access: 'admin' },
      schema: {
        params,
        body: subscriptionBody,
        response: { 200: z.object({ url: z.url({ protocol: /^https?$/ }) }) },
      },
    },
    async (request) => {
      const guild = accessibleGuild(request);
      const subscription = await guildSubscription(services.prisma, guild.id, named(request.body));
      const provider = configuredProvider(services.billing, subscription.provider);
      return callProvider(provider, request.log, 'opening its management page', () =>
        provider.manageLink({
          subscriptionId: subscription.subscriptionId,
          returnUrl: `${services.config.publicUrl}${billingPagePath(guild.id)}`,
        }),
      );
    },
  );

  app.post(
    '/api/v1/guilds/:guildId/billing/cancel',
    {
      config: { access: 'admin' },
      schema: {
        params,
        body: subscriptionBody,
        response: { 200: z.object({ status: z.literal('canceled_at_period_end'), endsAt: z.iso.datetime() }) },
      },
    },
    async (request) => {
      const guild = accessibleGuild(request);
      const subscription = await guildSubscription(services.prisma, guild.id, named(request.body));
      const provider = configuredProvider(services.billing, subscription.provider);
      const { subscriptionId } = subscription;
      await callProvider(provider, request.log, 'cancelling at period end', () =>
        provider.cancel({ subscriptionId, atPeriodEnd: true }),
      );
      request.log.info(
        { guildId: guild.id, userId: signedInSession(request).user.id, provider: provider.name, subscriptionId },
        'subscription cancelled at period end by a guild admin',
      );
      // The workflow refetches now rather than at the provider's webhook; if Temporal is away, the webhook does it.
      await services.billing
        .deliver({
          provider: provider.name,
          eventId: `panel-cancel:${randomUUID()}`,
          type: 'panel.cancel_at_period_end',
          subscriptionId,
          occurredAt: Date.now(),
        })
        .catch((error: unknown) => request.log.error({ err: error }, 'telling the subscription workflow failed'));
      return { status: 'canceled_at_period_end' as const, endsAt: subscription.currentPeriodEnd.toISOString() };
    },
  );
};
