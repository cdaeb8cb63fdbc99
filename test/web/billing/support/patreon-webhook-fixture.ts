import { patreonEventId } from '../../../../billing/patreon/patreon-webhook.ts';
import type { BillingProvider } from '../../../../billing/provider.ts';
import { signedPatreonEvent } from '../../../support/patreon-events.ts';
import { type WebhookFixture, withBodyChanged } from './webhook-fixtures.ts';

/**
 * Patreon's deliveries, signed as Patreon signs them: hex HMAC-MD5 of the body with the webhook's secret. Patreon
 * signs no time, so no delivery is stale: a replay is the same event id, which the workflow takes once.
 */
export function patreonWebhookFixture(billingProvider: BillingProvider, secret: string): WebhookFixture {
  const delivery = (memberId: string, trigger = 'members:update', withSecret = secret) =>
    signedPatreonEvent({ trigger, memberId, secret: withSecret });
  return {
    provider: 'patreon',
    billingProvider,
    subscriptionEvent: (memberId, trigger = 'members:update') => {
      const request = delivery(memberId, trigger);
      return { eventId: patreonEventId(trigger, request.rawBody), request };
    },
    lifeOfASubscription: ['members:create', 'members:pledge:create', 'members:update'],
    forged: (memberId) => delivery(memberId, undefined, 'not-the-webhook-secret'),
    tampered: (memberId, otherMemberId) => withBodyChanged(delivery(memberId), memberId, otherMemberId),
    unrelated: () =>
      signedPatreonEvent({ trigger: 'posts:publish', memberId: '', secret, body: '{"data":{"type":"post","id":"1"}}' }),
  };
}
