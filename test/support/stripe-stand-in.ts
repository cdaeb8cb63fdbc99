/**
 * The Stripe stand-in (sandbox/billing/stripe/) for a test file: Stripe's API on a loopback port, backed by a real
 * stripe-mock process, holding the subscriptions its checkouts create. `config` points the Stripe provider at it;
 * `control` does what a buyer and time do at Stripe (pay a checkout, renew, fail a payment...), each answering with
 * the events Stripe would send, which the stand-in also posts, signed, to the webhook endpoint when one is set.
 */
import type Stripe from 'stripe';
import type { StripeConfig } from '../../config/billing/stripe-config.ts';
import type { PlanId } from '../../domain/plans.ts';
import { planPrices } from '../../sandbox/billing/stripe/plan-prices.ts';
import { startStripeStandIn } from '../../sandbox/billing/stripe/stand-in-server.ts';
import type { Delivery } from '../../sandbox/billing/stripe/webhook-sender.ts';

export const STAND_IN_PRICES = { pro: 'price_ticketflow_pro', enterprise: 'price_ticketflow_enterprise' };

export interface ControlResult {
  /** The subscription after the action (the one created, for a completed checkout). */
  subscription: Stripe.Subscription;
  events: Stripe.Event[];
  deliveries: Delivery[];
}

export interface StripeControl {
  /** The buyer pays on the Checkout page `checkoutUrl` (what startCheckout returned) leads to. */
  completeCheckout(checkoutUrl: string, options?: { trialDays?: number; deliver?: boolean }): Promise<ControlResult>;
  renew(subscriptionId: string, options?: { deliver?: boolean }): Promise<ControlResult>;
  failPayment(subscriptionId: string, options?: { final?: boolean; deliver?: boolean }): Promise<ControlResult>;
  payOpenInvoice(subscriptionId: string, options?: { deliver?: boolean }): Promise<ControlResult>;
  /** As the buyer does in the Billing Portal. */
  cancel(subscriptionId: string, options: { atPeriodEnd: boolean; deliver?: boolean }): Promise<ControlResult>;
  changePlan(
    subscriptionId: string,
    plan: Exclude<PlanId, 'free'>,
    options?: { deliver?: boolean },
  ): Promise<ControlResult>;
  trialWillEnd(subscriptionId: string, options?: { deliver?: boolean }): Promise<ControlResult>;
  /** Every event so far, oldest first. */
  events(): Promise<Stripe.Event[]>;
  /** Sends an event again, freshly signed, as Stripe's retries and the dashboard's resend do. */
  redeliver(eventId: string): Promise<Delivery[]>;
  setWebhookEndpoint(url: string | null): Promise<void>;
}

export interface StripeStandInForTests {
  url: string;
  /** The provider's configuration for this stand-in. */
  config: StripeConfig;
  /** The same as a process's environment (STRIPE_*), for the worker and web processes a test starts. */
  env: Record<string, string>;
  control: StripeControl;
  close(): Promise<void>;
}

export async function startStripeStandInForTests(
  options: { webhookUrl?: string; retryDelaysMs?: number[] } = {},
): Promise<StripeStandInForTests> {
  const config: StripeConfig = {
    secretKey: 'sk_test_TicketflowStandIn',
    webhookSecret: 'whsec_TicketflowStandIn',
    apiBaseUrl: null,
    prices: STAND_IN_PRICES,
  };
  const standIn = await startStripeStandIn({
    secretKey: config.secretKey,
    webhookSecret: config.webhookSecret,
    webhookUrl: options.webhookUrl ?? null,
    prices: planPrices(STAND_IN_PRICES),
    retryDelaysMs: options.retryDelaysMs ?? [200, 500, 1_000],
  });
  const call = async <T>(method: string, path: string, body: object = {}): Promise<T> => {
    const response = await fetch(`${standIn.url}/_stand-in${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(method !== 'GET' && { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as T & { error?: { message: string } };
    if (!response.ok) throw new Error(`Stripe stand-in ${method} ${path}: ${answer.error?.message ?? response.status}`);
    return answer;
  };
  const subscriptionAction =
    (action: string) =>
    (subscriptionId: string, body: object = {}) =>
      call<ControlResult>('POST', `/subscriptions/${encodeURIComponent(subscriptionId)}/${action}`, body);
  const control: StripeControl = {
    completeCheckout(checkoutUrl, body = {}) {
      const sessionId = new URL(checkoutUrl).pathname.split('/').pop() ?? '';
      return call('POST', `/checkout/sessions/${encodeURIComponent(sessionId)}/complete`, body);
    },
    renew: subscriptionAction('renew'),
    failPayment: subscriptionAction('fail-payment'),
    payOpenInvoice: subscriptionAction('pay'),
    cancel: subscriptionAction('cancel'),
    changePlan: (subscriptionId, plan, body = {}) =>
      subscriptionAction('change-plan')(subscriptionId, { ...body, price: STAND_IN_PRICES[plan] }),
    trialWillEnd: subscriptionAction('trial-will-end'),
    events: async () => (await call<{ data: Stripe.Event[] }>('GET', '/events')).data,
    redeliver: async (eventId) =>
      (await call<{ deliveries: Delivery[] }>('POST', `/events/${encodeURIComponent(eventId)}/deliver`)).deliveries,
    setWebhookEndpoint: async (url) => {
      await call('PUT', '/webhook-endpoint', { url });
    },
  };
  const env = {
    STRIPE_SECRET_KEY: config.secretKey,
    STRIPE_WEBHOOK_SECRET: config.webhookSecret,
    STRIPE_API_BASE_URL: standIn.url,
    STRIPE_PRICE_PRO: STAND_IN_PRICES.pro,
    STRIPE_PRICE_ENTERPRISE: STAND_IN_PRICES.enterprise,
  };
  return {
    url: standIn.url,
    config: { ...config, apiBaseUrl: standIn.url },
    env,
    control,
    close: () => standIn.close(),
  };
}
