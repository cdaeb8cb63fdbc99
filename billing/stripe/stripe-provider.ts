import Stripe from 'stripe';
import type { StripeConfig } from '../../config/billing/stripe-config.ts';
import type { BillingProvider, CheckoutRequest, RedirectLink } from '../provider.ts';
import { createStripeClient } from './stripe-client.ts';
import { normaliseStripeSubscription } from './stripe-subscription.ts';
import { verifyStripeWebhook } from './stripe-webhook.ts';

/** Statuses after which Stripe changes nothing more: cancelling one again has nothing left to do. */
const FINISHED_STATUSES: ReadonlySet<Stripe.Subscription.Status> = new Set(['canceled', 'incomplete_expired']);

function isMissing(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing';
}

/** Who bought what, on the session and on the subscription it creates, so either object names its buyer. */
function buyerMetadata(request: CheckoutRequest): Record<string, string> {
  return {
    ...(request.guildId !== null && { guildId: request.guildId }),
    userId: request.userId,
    plan: request.plan,
  };
}

/** The return URL with the session's id, which Stripe fills in when it sends the buyer back. */
function returnUrlWithSession(returnUrl: string): string {
  const url = new URL(returnUrl);
  const query = url.search ? `${url.search}&` : '?';
  return `${url.origin}${url.pathname}${query}session_id={CHECKOUT_SESSION_ID}${url.hash}`;
}

function redirect(url: string | null, what: string): RedirectLink {
  if (!url) throw new Error(`Stripe returned a ${what} without a URL`);
  return { url };
}

/** Stripe behind Ticketflow's provider interface: Checkout Sessions, the Billing Portal, Subscriptions, webhooks. */
export function createStripeProvider(config: StripeConfig): BillingProvider {
  const stripe = createStripeClient(config);

  const retrieve = (subscriptionId: string) =>
    stripe.subscriptions.retrieve(subscriptionId, { expand: ['latest_invoice'] });

  return {
    name: 'stripe',

    async startCheckout(request) {
      const metadata = buyerMetadata(request);
      const session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: config.prices[request.plan], quantity: 1 }],
        client_reference_id: request.guildId ?? request.userId,
        metadata,
        subscription_data: { metadata },
        success_url: returnUrlWithSession(request.returnUrl),
        cancel_url: request.cancelUrl,
      });
      return redirect(session.url, 'Checkout Session');
    },

    async completeCheckout(query) {
      const sessionId = query.session_id;
      if (!sessionId || !/^cs_(test|live)_\w+$/.test(sessionId)) return null;
      let session: Stripe.Checkout.Session;
      try {
        session = await stripe.checkout.sessions.retrieve(sessionId);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      // An abandoned or still-processing checkout has created nothing to mirror yet; its webhook comes later.
      const paid = session.payment_status === 'paid' || session.payment_status === 'no_payment_required';
      const subscriptionId = typeof session.subscription === 'string' ? session.subscription : session.subscription?.id;
      if (session.mode !== 'subscription' || session.status !== 'complete' || !paid || !subscriptionId) return null;
      return { checkoutId: session.id, subscriptionId, guildId: session.metadata?.guildId ?? null };
    },

    async manageLink({ subscriptionId, returnUrl }) {
      const subscription = await stripe.subscriptions.retrieve(subscriptionId);
      const customer = typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id;
      const session = await stripe.billingPortal.sessions.create({ customer, return_url: returnUrl });
      return redirect(session.url, 'Billing Portal session');
    },

    async cancel({ subscriptionId, atPeriodEnd }) {
      const subscription = await stripe.subscriptions.retrieve(subscriptionId);
      if (FINISHED_STATUSES.has(subscription.status)) return;
      if (atPeriodEnd) {
        if (!subscription.cancel_at_period_end) {
          await stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
        }
        return;
      }
      try {
        await stripe.subscriptions.cancel(subscriptionId);
      } catch (error) {
        // A retry whose first attempt went through, or a cancellation by someone else in between: done either way.
        const now = await stripe.subscriptions.retrieve(subscriptionId);
        if (!FINISHED_STATUSES.has(now.status)) throw error;
      }
    },

    async fetchSubscription(subscriptionId) {
      try {
        return normaliseStripeSubscription(await retrieve(subscriptionId), config.prices);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async verifyWebhook(input) {
      return verifyStripeWebhook(input, config.webhookSecret);
    },
  };
}
