import { ActivityFailure, log, sleep } from '@temporalio/workflow';
import type { BillingProviderName, ProviderSubscription } from '../../domain/subscription.ts';
import { subscriptionActivities as act } from './activities.ts';
import type { SubscriptionEffect } from './mirror.ts';

/** After a failure no retry can fix (a revoked API key, say), the provider is asked again this much later. */
const FETCH_AGAIN_AFTER = '1 hour';

type SubscriptionRef = { provider: BillingProviderName; subscriptionId: string };

/** The provider's current object, however long the provider takes to give it. */
export async function fetchCurrentSubscription(ref: SubscriptionRef): Promise<ProviderSubscription | null> {
  for (;;) {
    try {
      return await act.fetchProviderSubscription(ref);
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      log.warn('the provider refused to give the subscription; asking again later', {
        ...ref,
        error: String(err.cause ?? err),
      });
      await sleep(FETCH_AGAIN_AFTER, { summary: 'ask the provider again' });
    }
  }
}

/** Does the effects in order. A notice that cannot be delivered is logged: it never holds the entitlement up. */
export async function performEffects(ref: SubscriptionRef, effects: SubscriptionEffect[]): Promise<void> {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'grant':
        await act.grantEntitlement({ subscription: effect.subscription, grantsUntil: effect.grantsUntil });
        break;
      case 'end':
        await act.endEntitlement({ ...ref, endedAt: effect.endedAt, reason: effect.reason });
        break;
      case 'notify':
        try {
          await act.notifyBilling({
            key: effect.key,
            kind: effect.notice,
            holder: effect.holder,
            plan: effect.plan,
            at: effect.at,
          });
        } catch (err) {
          if (!(err instanceof ActivityFailure)) throw err;
          log.warn('a billing notice was not delivered', { ...ref, key: effect.key, error: String(err.cause ?? err) });
        }
        break;
    }
  }
}
