import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { billingPagePath } from '../../../../domain/panel-paths.ts';
import { snowflake } from '../../../../domain/snowflake.ts';
import { BILLING_PROVIDERS } from '../../../../domain/subscription.ts';
import { configuredProvider } from '../../billing/billing-services.ts';
import { checkoutReturnPath } from '../../billing/checkout-return.ts';
import { refuseSecondSubscription } from '../../billing/guild-subscription.ts';
import { callProvider } from '../../billing/provider-call.ts';
import { accessibleGuild, signedInSession } from '../../sessions/signed-in-session.ts';
import type { WebServices } from '../../web-services.ts';

const checkoutBody = z.strictObject({
  provider: z.enum(BILLING_PROVIDERS),
  plan: z.enum(['pro', 'enterprise']),
});

/**
 * `POST /api/v1/guilds/:guildId/billing/checkout` `{provider, plan}` → `{url}`: the provider's checkout (or
 * approval) page for a guild admin to pay at. The provider sends the buyer back to `/billing/return/<provider>`;
 * abandoning brings them back to the guild's billing page. 409 `already_subscribed` while the guild pays through
 * a live subscription (a pledge on Patreon is the patron's own, so not refused here).
 */
export const checkoutRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  app.post(
    '/api/v1/guilds/:guildId/billing/checkout',
    {
      config: { access: 'admin' },
      schema: {
        params: z.object({ guildId: snowflake }),
        body: checkoutBody,
        response: { 200: z.object({ url: z.url({ protocol: /^https?$/ }) }) },
      },
    },
    async (request) => {
      const guild = accessibleGuild(request);
      const provider = configuredProvider(services.billing, request.body.provider);
      if (provider.name !== 'patreon') await refuseSecondSubscription(services.prisma, guild.id);
      const { publicUrl } = services.config;
      return callProvider(provider, request.log, 'starting a checkout', () =>
        provider.startCheckout({
          plan: request.body.plan,
          // A Patreon pledge is its patron's, who then assigns it to guilds.
          guildId: provider.name === 'patreon' ? null : guild.id,
          userId: signedInSession(request).user.id,
          returnUrl: `${publicUrl}${checkoutReturnPath(provider.name, guild.id)}`,
          cancelUrl: `${publicUrl}${billingPagePath(guild.id)}?checkout=canceled`,
        }),
      );
    },
  );
};
