import Stripe from 'stripe';
import type { StripeConfig } from '../../config/billing/stripe-config.ts';

/**
 * One Stripe call's budget: a 10 s timeout and one retry of network failures and 5xx (with the idempotency key the
 * library adds to every POST, so a retried write is applied once), about 21 s at worst. Calls run inside Temporal
 * activities, whose own retries take over after that, so the client keeps its retrying short.
 */
export const STRIPE_REQUEST_TIMEOUT_MS = 10_000;
export const STRIPE_NETWORK_RETRIES = 1;

/** A client for Stripe itself, or for the local stand-in at `apiBaseUrl`, on the API version the library pins. */
export function createStripeClient(config: Pick<StripeConfig, 'secretKey' | 'apiBaseUrl'>): Stripe {
  const base = config.apiBaseUrl ? new URL(config.apiBaseUrl) : null;
  return new Stripe(config.secretKey, {
    maxNetworkRetries: STRIPE_NETWORK_RETRIES,
    timeout: STRIPE_REQUEST_TIMEOUT_MS,
    // Stripe's request telemetry reports our latencies back to Stripe in headers; nothing here needs it.
    telemetry: false,
    appInfo: { name: 'Ticketflow' },
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === 'https:' ? 443 : 80),
      protocol: base.protocol === 'https:' ? 'https' : 'http',
    }),
  });
}
