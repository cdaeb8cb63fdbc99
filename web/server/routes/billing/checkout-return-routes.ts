import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BILLING_PROVIDERS } from '../../../../domain/subscription.ts';
import { configuredProvider } from '../../billing/billing-services.ts';
import { returnFromCheckout } from '../../billing/checkout-return.ts';
import type { WebServices } from '../../web-services.ts';

/**
 * `GET /billing/return/<provider>?…`: where a provider sends the buyer after checkout, with its own parameters
 * (Stripe's session_id, PayPal's subscription_id). Public: what it does comes from the provider's answer, never
 * from who calls it, and a reload is the same event to the workflow. 303 to the guild's billing page with
 * `checkout=complete|pending|incomplete`.
 */
export const checkoutReturnRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  for (const providerName of BILLING_PROVIDERS) {
    app.get(
      `/billing/return/${providerName}`,
      { config: { access: 'public' }, schema: { querystring: z.record(z.string(), z.string().max(1_000)) } },
      async (request, reply) => {
        const provider = configuredProvider(services.billing, providerName);
        const target = await returnFromCheckout(
          { provider, query: request.query, now: Date.now() },
          services.billing,
          request.log,
        );
        return reply.redirect(target, 303);
      },
    );
  }
};
