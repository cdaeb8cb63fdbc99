import { ApplicationFailure } from '@temporalio/common';
import type { BillingProviders } from '../../billing/index.ts';
import type { SubscriptionActivities } from '../../workflows/subscription/definitions.ts';

/** The failure type when this worker has no client for the provider: configure it, then the workflow asks again. */
export const BILLING_PROVIDER_NOT_CONFIGURED = 'BillingProviderNotConfigured';

/**
 * The subscription as its provider says it is now, normalised; null when the provider has no such subscription.
 * A provider that cannot be reached fails the attempt and Temporal retries it; one that is not configured on this
 * worker fails for good, and the workflow asks again later (an outage of ours never ends anyone's plan).
 */
export function fetchProviderSubscription(
  providers: BillingProviders,
): SubscriptionActivities['fetchProviderSubscription'] {
  return async ({ provider, subscriptionId }) => {
    const client = providers[provider];
    if (!client) {
      throw ApplicationFailure.nonRetryable(
        `${provider} is not configured on this worker: set its settings and restart it`,
        BILLING_PROVIDER_NOT_CONFIGURED,
      );
    }
    return client.fetchSubscription(subscriptionId);
  };
}
