import type { PatreonConfig } from '../config/billing/patreon-config.ts';
import type { PayPalConfig } from '../config/billing/paypal-config.ts';
import type { StripeConfig } from '../config/billing/stripe-config.ts';
import type { BillingProviderName } from '../domain/subscription.ts';
import { type PatreonAccountLinks, PatreonProvider } from './patreon/patreon-provider.ts';
import { PayPalProvider } from './paypal/paypal-provider.ts';
import type { BillingProvider } from './provider.ts';
import { createStripeProvider } from './stripe/stripe-provider.ts';

/** Each provider's settings, null where it is not configured (and so off). */
export interface BillingProvidersConfig {
  stripe: StripeConfig | null;
  paypal: PayPalConfig | null;
  patreon: PatreonConfig | null;
}

/** What a provider needs from the process besides its settings. */
export interface BillingProvidersDependencies {
  /** Who linked which Patreon account: needed when Patreon is configured. */
  patreonAccountLinks?: PatreonAccountLinks;
}

export type BillingProviders = Partial<Record<BillingProviderName, BillingProvider>>;

/** The configured providers by name; one that is off is absent, and the pages offer only those present. */
export function createBillingProviders(
  config: BillingProvidersConfig,
  dependencies: BillingProvidersDependencies = {},
): BillingProviders {
  if (config.patreon && !dependencies.patreonAccountLinks) {
    throw new Error(
      'Patreon is configured but the process gave no PatreonAccountLinks to record who linked which account',
    );
  }
  return {
    ...(config.stripe && { stripe: createStripeProvider(config.stripe) }),
    ...(config.paypal && { paypal: new PayPalProvider(config.paypal) }),
    ...(config.patreon &&
      dependencies.patreonAccountLinks && {
        patreon: new PatreonProvider(config.patreon, dependencies.patreonAccountLinks),
      }),
  };
}
