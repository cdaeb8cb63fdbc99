import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillingProvider } from '../../../billing/provider.ts';
import { createStripeProvider } from '../../../billing/stripe/stripe-provider.ts';
import type { StripeConfig } from '../../../config/billing/stripe-config.ts';
import { type StripeMockProcess, startStripeMock } from '../../../sandbox/billing/stripe/stripe-mock-process.ts';

let stripeMock: StripeMockProcess;
let provider: BillingProvider;

const config = (apiBaseUrl: string): StripeConfig => ({
  secretKey: 'sk_test_ticketflow',
  webhookSecret: 'whsec_ticketflow',
  apiBaseUrl,
  prices: { pro: 'price_1Pro', enterprise: 'price_1Enterprise' },
});

beforeAll(async () => {
  stripeMock = await startStripeMock();
  provider = createStripeProvider(config(stripeMock.url));
});

afterAll(async () => {
  await stripeMock?.close();
});

describe('the Stripe provider against stripe-mock', () => {
  it("starts a subscription-mode Checkout Session that Stripe's API validation accepts", async () => {
    const link = await provider.startCheckout({
      plan: 'pro',
      guildId: '100000000000000001',
      userId: '200000000000000002',
      returnUrl: 'http://localhost:3000/guilds/100000000000000001/billing?checkout={CHECKOUT_SESSION_ID}',
      cancelUrl: 'http://localhost:3000/guilds/100000000000000001/billing',
    });
    expect(link.url).toMatch(/^https:\/\//);
  });

  it("opens the Billing Portal for the subscription's customer", async () => {
    const link = await provider.manageLink({ subscriptionId: 'sub_1', returnUrl: 'http://localhost:3000/billing' });
    expect(link.url).toMatch(/^https:\/\//);
  });

  it('fails clearly on a key Stripe does not accept', async () => {
    const unauthorised = createStripeProvider({ ...config(stripeMock.url), secretKey: 'sk_live_not_a_test_key' });
    await expect(unauthorised.manageLink({ subscriptionId: 'sub_1', returnUrl: 'http://x' })).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });
});
