import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripeClient } from '../../../billing/stripe/stripe-client.ts';
import {
  normaliseStripeSubscription,
  UnreadableStripeSubscription,
} from '../../../billing/stripe/stripe-subscription.ts';
import { type StripeMockProcess, startStripeMock } from '../../../sandbox/billing/stripe/stripe-mock-process.ts';

const PRICES = { pro: 'price_1Pro', enterprise: 'price_1Enterprise' };
const PERIOD_START = 1_790_000_000;
const PERIOD_END = PERIOD_START + 30 * 86_400;

let stripeMock: StripeMockProcess;
/** stripe-mock's subscription with its invoice expanded: every field of the real object, with canned values. */
let canned: Stripe.Subscription;

beforeAll(async () => {
  stripeMock = await startStripeMock();
  const stripe = createStripeClient({ secretKey: 'sk_test_ticketflow', apiBaseUrl: stripeMock.url });
  canned = await stripe.subscriptions.retrieve('sub_1Canned', { expand: ['latest_invoice'] });
});

afterAll(async () => {
  await stripeMock?.close();
});

function onlyItem(of: Stripe.Subscription): Stripe.SubscriptionItem {
  const [item] = of.items.data;
  if (!item) throw new Error(`${of.id} has no item`);
  return item;
}

/** The canned subscription as one of Ticketflow's: one pro item in a known period, a guild's metadata, paid up. */
function subscription(changes: Partial<Stripe.Subscription> = {}, invoice: Partial<Stripe.Invoice> = {}) {
  const item = onlyItem(canned);
  const price = { ...item.price, id: PRICES.pro, unit_amount: 900, currency: 'eur' };
  const latestInvoice = {
    ...(canned.latest_invoice as Stripe.Invoice),
    status: 'paid',
    created: PERIOD_START,
    status_transitions: {
      finalized_at: PERIOD_START + 3600,
      marked_uncollectible_at: null,
      paid_at: null,
      voided_at: null,
    },
    ...invoice,
  } as Stripe.Invoice;
  return {
    ...canned,
    status: 'active',
    metadata: { guildId: '100000000000000001', userId: '200000000000000002', plan: 'pro' },
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    ended_at: null,
    trial_end: null,
    latest_invoice: latestInvoice,
    items: {
      ...canned.items,
      data: [
        {
          ...item,
          price: { ...price, recurring: { ...price.recurring, interval: 'month', interval_count: 1 } },
          quantity: 1,
          current_period_start: PERIOD_START,
          current_period_end: PERIOD_END,
        } as Stripe.SubscriptionItem,
      ],
    },
    ...changes,
  } as Stripe.Subscription;
}

describe("Stripe's subscription, normalised", () => {
  it('reads an active subscription: holder, plan from its price, period from its item, price in minor units', () => {
    expect(normaliseStripeSubscription(subscription(), PRICES)).toEqual({
      provider: 'stripe',
      subscriptionId: canned.id,
      customerId: canned.customer,
      holder: { kind: 'guild', guildId: '100000000000000001' },
      plan: 'pro',
      status: 'active',
      currentPeriodStart: PERIOD_START * 1000,
      currentPeriodEnd: PERIOD_END * 1000,
      trialEnd: null,
      paymentFailedAt: null,
      endedAt: null,
      price: { amountMinor: 900, currency: 'EUR', interval: 'month' },
    });
  });

  it("maps each of Stripe's statuses onto the five the workflow knows", () => {
    const statusOf = (changes: Partial<Stripe.Subscription>, invoice?: Partial<Stripe.Invoice>) =>
      normaliseStripeSubscription(subscription(changes, invoice), PRICES).status;
    expect(statusOf({ status: 'trialing', trial_end: PERIOD_END })).toBe('trialing');
    expect(statusOf({ status: 'active' })).toBe('active');
    expect(statusOf({ status: 'past_due' }, { status: 'open' })).toBe('past_due');
    expect(statusOf({ status: 'unpaid' }, { status: 'open' })).toBe('past_due');
    expect(statusOf({ status: 'incomplete' }, { status: 'open' })).toBe('past_due');
    expect(statusOf({ status: 'paused', trial_end: PERIOD_START })).toBe('past_due');
    expect(statusOf({ cancel_at_period_end: true, cancel_at: PERIOD_END })).toBe('canceled_at_period_end');
    expect(statusOf({ status: 'trialing', cancel_at: PERIOD_END })).toBe('canceled_at_period_end');
    expect(statusOf({ cancel_at: PERIOD_END + 365 * 86_400 })).toBe('active');
    expect(statusOf({ status: 'canceled', ended_at: PERIOD_START + 10 })).toBe('ended');
    expect(statusOf({ status: 'incomplete_expired', ended_at: PERIOD_START + 10 })).toBe('ended');
  });

  it('dates a failed payment from when its invoice was finalized and charged, and an ending from ended_at', () => {
    const pastDue = normaliseStripeSubscription(subscription({ status: 'past_due' }, { status: 'open' }), PRICES);
    expect(pastDue.paymentFailedAt).toBe((PERIOD_START + 3600) * 1000);
    const ended = normaliseStripeSubscription(
      subscription({ status: 'canceled', ended_at: PERIOD_START + 10 }),
      PRICES,
    );
    expect(ended).toMatchObject({ endedAt: (PERIOD_START + 10) * 1000, paymentFailedAt: null });
    const pausedTrial = subscription({ status: 'paused', trial_end: PERIOD_START });
    expect(normaliseStripeSubscription(pausedTrial, PRICES).paymentFailedAt).toBe(PERIOD_START * 1000);
  });

  it("reads the enterprise price as enterprise, and a user-held subscription as the user's", () => {
    const base = subscription({ metadata: { userId: '200000000000000002', plan: 'enterprise' } });
    const item = onlyItem(base);
    base.items.data = [{ ...item, price: { ...item.price, id: PRICES.enterprise } }];
    expect(normaliseStripeSubscription(base, PRICES)).toMatchObject({
      plan: 'enterprise',
      holder: { kind: 'user', userId: '200000000000000002' },
    });
  });

  it('refuses a subscription Ticketflow did not sell, saying why', () => {
    const foreignPrice = subscription();
    const item = onlyItem(foreignPrice);
    foreignPrice.items.data = [{ ...item, price: { ...item.price, id: 'price_1SomethingElse' } }];
    expect(() => normaliseStripeSubscription(foreignPrice, PRICES)).toThrow(/price_1SomethingElse, which is neither/);
    expect(() => normaliseStripeSubscription(subscription({ metadata: {} }), PRICES)).toThrow(
      UnreadableStripeSubscription,
    );
    const weekly = subscription();
    const weeklyItem = onlyItem(weekly);
    weekly.items.data = [
      { ...weeklyItem, price: { ...weeklyItem.price, recurring: { ...weeklyItem.price.recurring, interval: 'week' } } },
    ] as Stripe.SubscriptionItem[];
    expect(() => normaliseStripeSubscription(weekly, PRICES)).toThrow(/not every month or year/);
  });
});
