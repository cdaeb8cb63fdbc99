import { randomUUID } from 'node:crypto';
import {
  ApplicationContextUserAction,
  ExperienceContextShippingPreference,
  type Subscription,
  SubscriptionStatus,
  type SubscriptionsController,
} from '@paypal/paypal-server-sdk';
import type { PayPalConfig } from '../../config/billing/paypal-config.ts';
import type { PlanId } from '../../domain/plans.ts';
import type { ProviderEvent, ProviderSubscription } from '../../domain/subscription.ts';
import type { BillingProvider, CheckoutRequest, CompletedCheckout, RedirectLink } from '../provider.ts';
import { callPayPal, PayPalApiError } from './paypal-api-error.ts';
import { createPayPalSubscriptionsApi } from './paypal-client.ts';
import { decodePayPalCustomId, encodePayPalCustomId } from './paypal-custom-id.ts';
import { normalisePayPalSubscription, type PayPalPlanTerms, paypalPlanTerms } from './paypal-subscription.ts';
import { type PayPalCertificateFetcher, PayPalWebhookVerifier } from './paypal-webhook.ts';

/** A plan's price changes rarely and only by an operator's hand in PayPal's dashboard. */
const PLAN_TERMS_TTL_MS = 60 * 60_000;
/** What PayPal shows the buyer and records as the reason. */
const BRAND_NAME = 'Ticketflow';
const STATUS_CHANGE_REASONS = { cancel: 'Cancelled', suspend: 'Suspended', activate: 'Reactivated' } as const;

export interface PayPalProviderOptions {
  /** Replaces the download of PayPal's signing certificate (tests use their own certificate). */
  fetchCertificate?: PayPalCertificateFetcher;
  now?: () => number;
}

/**
 * PayPal subscriptions through @paypal/paypal-server-sdk: a checkout creates a subscription on the configured
 * billing plan, carrying guild, buyer and plan in custom_id, and sends the buyer to PayPal's approval page.
 */
export class PayPalProvider implements BillingProvider {
  readonly name = 'paypal' as const;
  readonly #config: PayPalConfig;
  readonly #api: SubscriptionsController;
  readonly #verifier: PayPalWebhookVerifier;
  readonly #now: () => number;
  readonly #planTerms = new Map<string, { terms: PayPalPlanTerms; fetchedAt: number }>();

  constructor(config: PayPalConfig, options: PayPalProviderOptions = {}) {
    this.#config = config;
    this.#api = createPayPalSubscriptionsApi(config);
    this.#now = options.now ?? Date.now;
    this.#verifier = new PayPalWebhookVerifier({
      webhookId: config.webhookId,
      certOrigins: config.certOrigins,
      fetchCertificate: options.fetchCertificate,
      now: this.#now,
    });
  }

  async startCheckout(request: CheckoutRequest): Promise<RedirectLink> {
    const planId = this.#config.planIds[request.plan];
    if (!planId) {
      throw new Error(`PayPal does not sell ${request.plan} here: PAYPAL_PLAN_${request.plan.toUpperCase()} is unset`);
    }
    const subscription = await callPayPal('create a subscription', () =>
      this.#api.createSubscription({
        // One id per checkout: the SDK's own retries of this request then create one subscription, not two.
        paypalRequestId: randomUUID(),
        prefer: 'return=representation',
        body: {
          planId,
          customId: encodePayPalCustomId({ guildId: request.guildId, userId: request.userId, plan: request.plan }),
          applicationContext: {
            brandName: BRAND_NAME,
            userAction: ApplicationContextUserAction.SubscribeNow,
            shippingPreference: ExperienceContextShippingPreference.NoShipping,
            returnUrl: request.returnUrl,
            cancelUrl: request.cancelUrl,
          },
        },
      }),
    );
    const approve = subscription.links?.find((link) => link.rel === 'approve');
    if (!approve) throw new Error(`PayPal created subscription ${subscription.id} without an approval link`);
    return { url: approve.href };
  }

  /** PayPal sends the buyer back with `subscription_id` (and `ba_token`, `token`) on the return URL. */
  async completeCheckout(query: Record<string, string>): Promise<CompletedCheckout | null> {
    const subscriptionId = query.subscription_id;
    if (!subscriptionId) return null;
    const subscription = await this.#getSubscription(subscriptionId);
    if (!subscription || !isUnderway(subscription)) return null;
    const buyer = decodePayPalCustomId(subscription.customId);
    if (!buyer) return null;
    return { checkoutId: subscriptionId, subscriptionId, guildId: buyer.guildId };
  }

  async manageLink(): Promise<RedirectLink> {
    // PayPal has no per-subscription portal session: buyers manage automatic payments in their PayPal account.
    return { url: this.#config.manageUrl };
  }

  /**
   * PayPal stops billing at once either way; what was paid stays granted until the period ends, which the
   * normalised subscription says (`canceled_at_period_end`), so `atPeriodEnd` changes nothing on PayPal's side.
   */
  async cancel(input: { subscriptionId: string; atPeriodEnd: boolean }): Promise<void> {
    await this.#changeStatus(input.subscriptionId, 'cancel', [
      SubscriptionStatus.Cancelled,
      SubscriptionStatus.Expired,
    ]);
  }

  /** Pauses billing (an operator's hold); idempotent like cancel. The subscription is then past due. */
  async suspend(subscriptionId: string): Promise<void> {
    await this.#changeStatus(subscriptionId, 'suspend', [SubscriptionStatus.Suspended]);
  }

  /** Resumes a suspended subscription; idempotent. */
  async reactivate(subscriptionId: string): Promise<void> {
    await this.#changeStatus(subscriptionId, 'activate', [SubscriptionStatus.Active]);
  }

  async fetchSubscription(subscriptionId: string): Promise<ProviderSubscription | null> {
    const subscription = await this.#getSubscription(subscriptionId);
    if (!subscription) return null;
    const paypalPlanId = subscription.planId ?? '';
    return normalisePayPalSubscription({
      subscription,
      plan: this.#planOf(subscriptionId, paypalPlanId),
      terms: await this.#termsOf(paypalPlanId),
      now: this.#now(),
    });
  }

  verifyWebhook(input: {
    rawBody: Buffer;
    headers: Record<string, string | string[] | undefined>;
  }): Promise<ProviderEvent | null> {
    return this.#verifier.verify(input);
  }

  async #getSubscription(id: string): Promise<Subscription | null> {
    try {
      // last_failed_payment is only returned when asked for.
      return await callPayPal('read a subscription', () =>
        this.#api.getSubscription({ id, fields: 'last_failed_payment' }),
      );
    } catch (error) {
      if (error instanceof PayPalApiError && error.status === 404) return null;
      throw error;
    }
  }

  /**
   * Asks PayPal to cancel, suspend or activate. PayPal answers 422 SUBSCRIPTION_STATUS_INVALID when the subscription
   * is already there (or cannot get there): a retry after a lost answer must succeed, so the status decides.
   */
  async #changeStatus(
    id: string,
    action: 'cancel' | 'suspend' | 'activate',
    done: SubscriptionStatus[],
  ): Promise<void> {
    const request = { id, body: { reason: `${STATUS_CHANGE_REASONS[action]} from ${BRAND_NAME}` } };
    try {
      await callPayPal(`${action} subscription ${id}`, () =>
        action === 'cancel'
          ? this.#api.cancelSubscription(request)
          : action === 'suspend'
            ? this.#api.suspendSubscription(request)
            : this.#api.activateSubscription(request),
      );
    } catch (error) {
      if (!(error instanceof PayPalApiError) || error.issue !== 'SUBSCRIPTION_STATUS_INVALID') throw error;
      const current = await this.#getSubscription(id);
      if (current?.status && done.includes(current.status)) return;
      throw new Error(`PayPal cannot ${action} subscription ${id}: it is ${current?.status ?? 'gone'}`);
    }
  }

  #planOf(subscriptionId: string, paypalPlanId: string): PlanId {
    const { pro, enterprise } = this.#config.planIds;
    if (paypalPlanId === pro) return 'pro';
    if (paypalPlanId === enterprise) return 'enterprise';
    throw new Error(
      `PayPal subscription ${subscriptionId} is on plan ${paypalPlanId}, which is neither PAYPAL_PLAN_PRO nor PAYPAL_PLAN_ENTERPRISE`,
    );
  }

  async #termsOf(paypalPlanId: string): Promise<PayPalPlanTerms> {
    const cached = this.#planTerms.get(paypalPlanId);
    if (cached && this.#now() - cached.fetchedAt < PLAN_TERMS_TTL_MS) return cached.terms;
    const billingPlan = await callPayPal(`read plan ${paypalPlanId}`, () => this.#api.getBillingPlan(paypalPlanId));
    const terms = paypalPlanTerms(billingPlan);
    this.#planTerms.set(paypalPlanId, { terms, fetchedAt: this.#now() });
    return terms;
  }
}

/** The buyer approved and PayPal has taken it on (it may since have been suspended or cancelled). */
function isUnderway(subscription: Subscription): boolean {
  return (
    subscription.status !== undefined &&
    subscription.status !== SubscriptionStatus.ApprovalPending &&
    subscription.status !== SubscriptionStatus.Approved
  );
}
