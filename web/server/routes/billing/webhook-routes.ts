import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BILLING_PROVIDERS } from '../../../../domain/subscription.ts';
import { configuredProvider } from '../../billing/billing-services.ts';
import { takeRawJsonBodies } from '../../billing/raw-webhook-body.ts';
import { takeWebhook } from '../../billing/webhook-intake.ts';
import type { WebServices } from '../../web-services.ts';

/**
 * `POST /webhooks/stripe`, `/webhooks/paypal`, `/webhooks/patreon`: the providers' webhook deliveries, which prove
 * themselves by signature over the raw body (so they are public and allowed cross-site). 200 `accepted` once the
 * subscription workflow has the event, 200 `ignored` for a genuine event of another kind, 400 `webhook_refused`
 * when it is not verified, 503 `unavailable` when Temporal cannot take it now (the provider delivers it again), 404
 * `provider_not_configured` for a provider this server does not use.
 */
export const webhookRoutes: FastifyPluginAsyncZod<WebServices> = async (app, services) => {
  takeRawJsonBodies(app);
  for (const providerName of BILLING_PROVIDERS) {
    app.post(
      `/webhooks/${providerName}`,
      {
        config: { access: 'public', crossSite: 'allowed' },
        schema: { response: { 200: z.object({ outcome: z.enum(['accepted', 'ignored']) }) } },
      },
      async (request) => {
        const provider = configuredProvider(services.billing, providerName);
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return takeWebhook(
          { provider, rawBody, headers: request.headers },
          { prisma: services.prisma, deliver: services.billing.deliver },
        );
      },
    );
  }
};
