import { proxyActivities } from '@temporalio/workflow';
import type { SubscriptionActivities } from './definitions.ts';

/**
 * Provider, Postgres and Discord calls are short. Faults are retried with backoff for as long as they last: an
 * outage (ours or the provider's) delays the mirror, never loses a change. The entitlement's own end date keeps
 * the guild's access right meanwhile. Only a non-retryable failure comes back to the workflow.
 */
export const subscriptionActivities = proxyActivities<SubscriptionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
