import type { BillingProviders } from '../../../billing/index.ts';
import type { BillingProvider } from '../../../billing/provider.ts';
import type { BillingProviderName, ProviderEvent } from '../../../domain/subscription.ts';
import { ApiError } from '../http/api-error.ts';
import type { DeliveryOutcome } from './provider-event-delivery.ts';

/** What the billing routes are given: the configured providers and the way to their subscription workflows. */
export interface BillingServices {
  /** The configured providers by name; one that is not configured is absent, and its routes answer 404. */
  providers: BillingProviders;
  /** Hands a provider event to its subscription workflow: 'delivered' once Temporal has the signal. */
  deliver(event: ProviderEvent): Promise<DeliveryOutcome>;
}

const PROVIDER_NAMES: Record<BillingProviderName, string> = { stripe: 'Stripe', paypal: 'PayPal', patreon: 'Patreon' };

export function providerDisplayName(provider: BillingProviderName): string {
  return PROVIDER_NAMES[provider];
}

/** The provider, or 404 `provider_not_configured` saying so when this server does not take payments through it. */
export function configuredProvider(billing: BillingServices, name: BillingProviderName): BillingProvider {
  const provider = billing.providers[name];
  if (!provider) {
    throw new ApiError(
      404,
      'provider_not_configured',
      `${providerDisplayName(name)} payments are not configured on this server.`,
    );
  }
  return provider;
}
