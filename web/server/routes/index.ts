import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { WebServices } from '../web-services.ts';
import { adminGrantRoutes } from './admin/admin-grant-routes.ts';
import { adminHealthRoutes } from './admin/admin-health-routes.ts';
import { adminListRoutes } from './admin/admin-list-routes.ts';
import { adminRevenueRoutes } from './admin/admin-revenue-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { billingViewRoutes } from './billing/billing-view-routes.ts';
import { checkoutReturnRoutes } from './billing/checkout-return-routes.ts';
import { checkoutRoutes } from './billing/checkout-routes.ts';
import { subscriptionRoutes } from './billing/subscription-routes.ts';
import { webhookRoutes } from './billing/webhook-routes.ts';
import { configRoutes } from './config-routes.ts';
import { configSectionRoutes } from './config-section-routes.ts';
import { guildRoutes } from './guild-routes.ts';
import { meRoutes } from './me-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import { ticketActionRoutes } from './tickets/ticket-action-routes.ts';
import { ticketReadRoutes } from './tickets/ticket-read-routes.ts';
import { ticketStreamRoutes } from './tickets/ticket-stream-routes.ts';
import { transcriptRoutes } from './transcript-routes.ts';
import { transcriptSearchRoutes } from './transcript-search-routes.ts';

/**
 * Every route plugin the web server registers, in order. Add a new one here: each of its routes must declare
 * `config.access` (web/README.md), and the HTTP tests then cover it (the cross-guild matrix reads the route table).
 */
export const routePlugins: readonly FastifyPluginAsyncZod<WebServices>[] = [
  authRoutes,
  meRoutes,
  guildRoutes,
  sessionRoutes,
  ticketReadRoutes,
  ticketActionRoutes,
  ticketStreamRoutes,
  configRoutes,
  configSectionRoutes,
  transcriptRoutes,
  transcriptSearchRoutes,
  webhookRoutes,
  checkoutRoutes,
  checkoutReturnRoutes,
  subscriptionRoutes,
  billingViewRoutes,
  adminHealthRoutes,
  adminListRoutes,
  adminGrantRoutes,
  adminRevenueRoutes,
];
