import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PayPalApiError } from '../../../billing/paypal/paypal-api-error.ts';
import { PayPalProvider } from '../../../billing/paypal/paypal-provider.ts';
import { loadPayPalConfig, type PayPalConfig } from '../../../config/billing/paypal-config.ts';
import { type PayPalStandIn, startPayPalStandIn } from '../../../sandbox/billing/paypal/paypal-stand-in.ts';
import { STAND_IN_PLANS } from '../../../sandbox/billing/paypal/paypal-stand-in-state.ts';

const GUILD = '111111111111111111';
const USER = '222222222222222222';
const DAY = 86_400_000;
const TRIAL_PLAN = {
  ...STAND_IN_PLANS[0],
  id: 'P-0STANDIN0PRO0TRIAL000000',
  trialDays: 14,
} as (typeof STAND_IN_PLANS)[0];

describe('PayPal provider against the PayPal stand-in', () => {
  let clock = Date.now();
  let standIn: PayPalStandIn;
  let config: PayPalConfig;
  let paypal: PayPalProvider;

  beforeAll(async () => {
    standIn = await startPayPalStandIn({
      clientId: 'stand-in-client',
      clientSecret: 'stand-in-secret-do-not-log',
      webhookId: 'WH-STANDIN',
      plans: [...STAND_IN_PLANS, TRIAL_PLAN],
      now: () => clock,
    });
    config = payPalConfigFor(standIn, STAND_IN_PLANS[0]?.id ?? '');
    paypal = new PayPalProvider(config, { now: () => clock });
  });
  afterAll(() => standIn.close());
  beforeEach(() => {
    clock = Date.parse('2026-12-01T12:00:00Z');
  });

  /** A checkout whose buyer approved on the stand-in's approval page: returns what PayPal sent the buyer back with. */
  async function approvedCheckout(provider = paypal): Promise<Record<string, string>> {
    const { url } = await provider.startCheckout({
      plan: 'pro',
      guildId: GUILD,
      userId: USER,
      returnUrl: 'http://panel.test/billing/return/paypal',
      cancelUrl: 'http://panel.test/billing',
    });
    const approval = await fetch(url, {
      method: 'POST',
      body: new URLSearchParams({ decision: 'approve' }),
      redirect: 'manual',
    });
    expect(approval.status).toBe(302);
    const back = new URL(approval.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe('http://panel.test/billing/return/paypal');
    return Object.fromEntries(back.searchParams);
  }

  it('checks out on the configured plan with the buyer in custom_id, and reads the approved subscription', async () => {
    const { url } = await paypal.startCheckout({
      plan: 'pro',
      guildId: GUILD,
      userId: USER,
      returnUrl: 'http://panel.test/billing/return/paypal',
      cancelUrl: 'http://panel.test/billing',
    });
    expect(url).toMatch(new RegExp(`^${standIn.baseUrl}/webapps/billing/subscriptions\\?ba_token=BA-`));
    const pending = standIn.state.findByApprovalToken(new URL(url).searchParams.get('ba_token') ?? '');
    expect(pending?.resource).toMatchObject({ status: 'APPROVAL_PENDING', plan_id: config.planIds.pro });
    expect(pending?.resource.custom_id).toBe(`tf1:u=${USER}&p=pro&g=${GUILD}`);
    // Not approved yet: nothing to mirror, and the return URL proves nothing.
    expect(await paypal.fetchSubscription(pending?.resource.id ?? '')).toBeNull();
    expect(await paypal.completeCheckout({ subscription_id: pending?.resource.id ?? '' })).toBeNull();

    const returned = await approvedCheckout();
    const subscriptionId = returned.subscription_id ?? '';
    expect(await paypal.completeCheckout(returned)).toEqual({
      checkoutId: subscriptionId,
      subscriptionId,
      guildId: GUILD,
    });
    expect(await paypal.fetchSubscription(subscriptionId)).toEqual({
      provider: 'paypal',
      subscriptionId,
      customerId: expect.stringMatching(/^[0-9A-F]{13}$/),
      holder: { kind: 'guild', guildId: GUILD },
      plan: 'pro',
      status: 'active',
      currentPeriodStart: clock,
      currentPeriodEnd: Date.parse('2027-01-01T12:00:00Z'),
      trialEnd: null,
      paymentFailedAt: null,
      endedAt: null,
      price: { amountMinor: 900, currency: 'USD', interval: 'month' },
    });
  });

  it('refuses a plan that has no PayPal plan id, and an unknown subscription is null', async () => {
    await expect(
      paypal.startCheckout({
        plan: 'enterprise',
        guildId: GUILD,
        userId: USER,
        returnUrl: 'http://x.test/r',
        cancelUrl: 'http://x.test/c',
      }),
    ).rejects.toThrow('PAYPAL_PLAN_ENTERPRISE is unset');
    expect(await paypal.fetchSubscription('I-DOESNOTEXIST')).toBeNull();
    expect(await paypal.completeCheckout({})).toBeNull();
  });

  it('past due from a failed payment, suspended at the threshold, active again when paid', async () => {
    const id = (await approvedCheckout()).subscription_id ?? '';
    clock += 31 * DAY;
    await standIn.simulate('fail-payment', id);
    const failedAt = clock;
    expect(await paypal.fetchSubscription(id)).toMatchObject({ status: 'past_due', paymentFailedAt: failedAt });
    clock += DAY;
    await standIn.simulate('fail-payment', id);
    clock += DAY;
    await standIn.simulate('fail-payment', id);
    expect(standIn.state.get(id).resource.status).toBe('SUSPENDED');
    expect(await paypal.fetchSubscription(id)).toMatchObject({ status: 'past_due', paymentFailedAt: clock });

    await paypal.reactivate(id);
    await paypal.reactivate(id);
    await standIn.simulate('renew', id);
    expect(await paypal.fetchSubscription(id)).toMatchObject({
      status: 'active',
      paymentFailedAt: null,
      currentPeriodStart: clock,
      currentPeriodEnd: clock + 31 * DAY,
    });
  });

  it('trialing until the first payment, with the trial end as the period end', async () => {
    const trialing = new PayPalProvider(payPalConfigFor(standIn, TRIAL_PLAN.id), { now: () => clock });
    const id = (await approvedCheckout(trialing)).subscription_id ?? '';
    expect(await trialing.fetchSubscription(id)).toMatchObject({
      status: 'trialing',
      currentPeriodStart: clock,
      currentPeriodEnd: clock + 14 * DAY,
      trialEnd: clock + 14 * DAY,
    });
    clock += 14 * DAY;
    await standIn.simulate('renew', id);
    expect(await trialing.fetchSubscription(id)).toMatchObject({
      status: 'active',
      trialEnd: null,
      currentPeriodStart: clock,
    });
  });

  it('cancel is idempotent and grants to the end of the paid period, then ends', async () => {
    const id = (await approvedCheckout()).subscription_id ?? '';
    const paidAt = clock;
    clock += 10 * DAY;
    await paypal.cancel({ subscriptionId: id, atPeriodEnd: true });
    await paypal.cancel({ subscriptionId: id, atPeriodEnd: true });
    expect(standIn.state.get(id).resource).toMatchObject({
      status: 'CANCELLED',
      status_change_note: 'Cancelled from Ticketflow',
    });
    const paidThrough = Date.parse('2027-01-01T12:00:00Z');
    expect(await paypal.fetchSubscription(id)).toMatchObject({
      status: 'canceled_at_period_end',
      currentPeriodStart: paidAt,
      currentPeriodEnd: paidThrough,
      endedAt: null,
    });
    clock = paidThrough + 1;
    expect(await paypal.fetchSubscription(id)).toMatchObject({ status: 'ended', endedAt: paidThrough });
  });

  it('suspend is idempotent; cancelling a suspended one works; an expired one has ended', async () => {
    const id = (await approvedCheckout()).subscription_id ?? '';
    await paypal.suspend(id);
    await paypal.suspend(id);
    expect(await paypal.fetchSubscription(id)).toMatchObject({ status: 'past_due', paymentFailedAt: clock });
    await paypal.cancel({ subscriptionId: id, atPeriodEnd: false });
    expect(standIn.state.get(id).resource.status).toBe('CANCELLED');

    const other = (await approvedCheckout()).subscription_id ?? '';
    clock += 40 * DAY;
    await standIn.simulate('expire', other);
    expect(await paypal.fetchSubscription(other)).toMatchObject({ status: 'ended', endedAt: clock });
    // A cancel after expiry is a retry's no-op, not an error.
    await paypal.cancel({ subscriptionId: other, atPeriodEnd: true });
  });

  it('a subscription that cannot be cancelled yet, or does not exist, is a clear error', async () => {
    const { url } = await paypal.startCheckout({
      plan: 'pro',
      guildId: null,
      userId: USER,
      returnUrl: 'http://x.test/r',
      cancelUrl: 'http://x.test/c',
    });
    const pending = standIn.state.findByApprovalToken(new URL(url).searchParams.get('ba_token') ?? '');
    await expect(paypal.cancel({ subscriptionId: pending?.resource.id ?? '', atPeriodEnd: true })).rejects.toThrow(
      'it is APPROVAL_PENDING',
    );
    const missing = await paypal
      .cancel({ subscriptionId: 'I-NOSUCHTHING', atPeriodEnd: true })
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(PayPalApiError);
    expect(missing).toMatchObject({ status: 404, paypalName: 'RESOURCE_NOT_FOUND', issue: 'INVALID_RESOURCE_ID' });
  });

  it('wrong client credentials are refused, and the error holds no credential', async () => {
    const wrong = new PayPalProvider({ ...config, clientSecret: 'not-the-secret' });
    const error = await wrong.fetchSubscription('I-ANY').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PayPalApiError);
    expect(error).toMatchObject({ status: 401, paypalName: 'invalid_client' });
    expect(JSON.stringify(error)).not.toContain('not-the-secret');
    expect(Object.keys(error as object)).not.toContain('request');
  });

  it("the manage link is PayPal's automatic payments page", async () => {
    expect(await paypal.manageLink()).toEqual({ url: 'https://www.paypal.com/myaccount/autopay/' });
  });
});

describe('PayPal configuration', () => {
  it('is off without credentials, and names what half a configuration lacks without echoing a value', () => {
    expect(loadPayPalConfig({})).toBeNull();
    expect(() => loadPayPalConfig({ PAYPAL_CLIENT_SECRET: 'hunter2-secret' })).toThrow(
      /PAYPAL_CLIENT_ID, PAYPAL_WEBHOOK_ID, PAYPAL_PLAN_PRO or PAYPAL_PLAN_ENTERPRISE/,
    );
    expect(() => loadPayPalConfig({ PAYPAL_CLIENT_SECRET: 'hunter2-secret' })).not.toThrow(/hunter2/);
    expect(() => loadPayPalConfig({ PAYPAL_WEBHOOK_CERT_ORIGINS: 'https://api.paypal.com/path' })).toThrow(
      /bare origin/,
    );
  });
});

function payPalConfigFor(standIn: PayPalStandIn, proPlanId: string): PayPalConfig {
  const config = loadPayPalConfig({
    PAYPAL_CLIENT_ID: 'stand-in-client',
    PAYPAL_CLIENT_SECRET: 'stand-in-secret-do-not-log',
    PAYPAL_API_BASE_URL: standIn.baseUrl,
    PAYPAL_PLAN_PRO: proPlanId,
    PAYPAL_WEBHOOK_ID: 'WH-STANDIN',
    PAYPAL_WEBHOOK_CERT_ORIGINS: standIn.baseUrl,
  });
  if (!config) throw new Error('PayPal configuration expected');
  return config;
}
