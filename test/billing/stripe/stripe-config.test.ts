import { describe, expect, it } from 'vitest';
import { loadStripeConfig } from '../../../config/billing/stripe-config.ts';
import { ConfigError } from '../../../config/parse-env.ts';

const stripeEnv = {
  STRIPE_SECRET_KEY: 'sk_test_51TicketflowSecretKey',
  STRIPE_WEBHOOK_SECRET: 'whsec_TicketflowSigningSecret',
  STRIPE_PRICE_PRO: 'price_1Pro',
  STRIPE_PRICE_ENTERPRISE: 'price_1Enterprise',
};

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadStripeConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('Stripe configuration', () => {
  it('is off when no key is set, empty variables counting as unset', () => {
    expect(loadStripeConfig({})).toBeNull();
    expect(loadStripeConfig({ STRIPE_SECRET_KEY: '', STRIPE_PRICE_PRO: '' })).toBeNull();
  });

  it('reads the key, the signing secret, the prices and a stand-in origin', () => {
    expect(loadStripeConfig({ ...stripeEnv, STRIPE_API_BASE_URL: 'http://127.0.0.1:12111/' })).toEqual({
      secretKey: stripeEnv.STRIPE_SECRET_KEY,
      webhookSecret: stripeEnv.STRIPE_WEBHOOK_SECRET,
      apiBaseUrl: 'http://127.0.0.1:12111',
      prices: { pro: 'price_1Pro', enterprise: 'price_1Enterprise' },
    });
    expect(loadStripeConfig(stripeEnv)?.apiBaseUrl).toBeNull();
  });

  it('refuses half a setup, naming what is missing, and never echoes a secret', () => {
    const withoutSecret = configError({ ...stripeEnv, STRIPE_WEBHOOK_SECRET: undefined });
    expect(withoutSecret).toContain('STRIPE_WEBHOOK_SECRET: is required with STRIPE_SECRET_KEY');
    expect(withoutSecret).not.toContain('Ticketflow');
    const withoutKey = configError({ ...stripeEnv, STRIPE_SECRET_KEY: undefined });
    expect(withoutKey).toContain('STRIPE_PRICE_PRO: is set but STRIPE_SECRET_KEY is not');
    expect(withoutKey).not.toContain('whsec_');
  });

  it('refuses values that are not what each variable holds', () => {
    const message = configError({
      STRIPE_SECRET_KEY: 'pk_test_publishable_not_secret',
      STRIPE_WEBHOOK_SECRET: 'hunter2',
      STRIPE_PRICE_PRO: 'prod_1',
      STRIPE_PRICE_ENTERPRISE: 'price_1',
      STRIPE_API_BASE_URL: 'http://127.0.0.1:12111/v1',
    });
    expect(message).toContain('STRIPE_SECRET_KEY: must be a secret or restricted API key');
    expect(message).toContain('STRIPE_WEBHOOK_SECRET: must be');
    expect(message).toContain('STRIPE_PRICE_PRO: must be a Stripe price id');
    expect(message).toContain('STRIPE_API_BASE_URL: must be a plain origin');
    expect(message).not.toContain('hunter2');
    const liveToStandIn = configError({
      ...stripeEnv,
      STRIPE_SECRET_KEY: 'sk_live_51TicketflowLiveKey',
      STRIPE_API_BASE_URL: 'http://127.0.0.1:8791',
    });
    expect(liveToStandIn).toContain('STRIPE_API_BASE_URL: is set with a live key');
    expect(liveToStandIn).not.toContain('LiveKey');
    expect(configError({ ...stripeEnv, STRIPE_PRICE_ENTERPRISE: 'price_1Pro' })).toContain(
      'STRIPE_PRICE_ENTERPRISE: is the same price as STRIPE_PRICE_PRO',
    );
  });
});
