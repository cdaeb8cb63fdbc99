import type { StripeConfig } from '../config/billing/stripe-config.ts';
import type { BillingProviderName } from '../domain/subscription.ts';
import type { BillingProvider } from './provider.ts';
import { createStripeProvider } from './stripe/stripe-provider.ts';

/** Each provider's settings, null where it is not configured (and so off). */
export interface BillingProvidersConfig {
  stripe: StripeConfig | null;
}

export type BillingProviders = Partial<Record<BillingProviderName, BillingProvider>>;

/** The configured providers by name; one that is off is absent, and the pages offer only those present. */
export function createBillingProviders(config: BillingProvidersConfig): BillingProviders {
  return {
    ...(config.stripe && { stripe: createStripeProvider(config.stripe) }),
  };
}
