import type { Client } from '@temporalio/client';
import { BILLING_PROVIDERS, type ProviderEvent, subscriptionWorkflowId } from '../domain/subscription.ts';
import { SubscriptionProvider } from '../workflows/search-attributes.ts';
import { providerEventSignal, type SubscriptionPolicy } from '../workflows/subscription/definitions.ts';
import type { subscriptionWorkflow } from '../workflows/subscription/subscription-workflow.ts';

/**
 * Hands one verified provider event (a webhook, a checkout return) to its subscription's workflow, starting it if it
 * is not running: signal-with-start, so the first event, a redelivery and a late one all reach the same mirror, which
 * takes each event id once. Resolves only once Temporal has recorded the signal; throws when it could not, so a
 * webhook route answers 5xx and the provider delivers again.
 */
export async function deliverProviderEvent(
  client: Client,
  event: ProviderEvent,
  options: { taskQueue: string; policy?: Partial<SubscriptionPolicy> },
): Promise<void> {
  requireDeliverable(event);
  const { provider, subscriptionId } = event;
  await client.workflow.signalWithStart<typeof subscriptionWorkflow, [ProviderEvent]>('subscriptionWorkflow', {
    workflowId: subscriptionWorkflowId(provider, subscriptionId),
    taskQueue: options.taskQueue,
    args: [{ provider, subscriptionId, ...(options.policy && { policy: options.policy }) }],
    signal: providerEventSignal,
    signalArgs: [event],
    typedSearchAttributes: [{ key: SubscriptionProvider, value: provider }],
    staticSummary: `${provider} subscription ${subscriptionId}`,
  });
}

/** A malformed event would start a workflow for nothing, or one no webhook ever finds again. */
function requireDeliverable(event: ProviderEvent): void {
  if (!(BILLING_PROVIDERS as readonly string[]).includes(event.provider)) {
    throw new Error(`unknown billing provider ${JSON.stringify(event.provider)}`);
  }
  if (!event.subscriptionId) throw new Error('a provider event needs the id of its subscription');
  if (!event.eventId) throw new Error('a provider event needs its own id, to be taken once');
}
