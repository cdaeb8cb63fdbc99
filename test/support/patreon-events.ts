import { signPatreonDelivery } from '../../sandbox/billing/patreon/patreon-webhook-signing.ts';
import type { WebhookDelivery } from '../../sandbox/billing/webhook-sender.ts';

export type { WebhookDelivery };

/**
 * A Patreon webhook delivery signed exactly as Patreon signs it (hex HMAC-MD5 of the body with the webhook's
 * secret): a member document for `memberId` in the campaign, or `body` as given. Patreon sends no delivery id or
 * time: a redelivery is the same bytes again, which give the same event id.
 */
export function signedPatreonEvent(input: {
  trigger: string;
  memberId: string;
  secret: string;
  campaignId?: string;
  attributes?: Record<string, unknown>;
  body?: string;
}): WebhookDelivery {
  const body =
    input.body ??
    JSON.stringify({
      data: {
        type: 'member',
        id: input.memberId,
        attributes: { patron_status: 'active_patron', ...input.attributes },
        relationships: { campaign: { data: { type: 'campaign', id: input.campaignId ?? '9000001' } } },
      },
      included: [],
      links: { self: `https://www.patreon.com/api/oauth2/v2/members/${input.memberId}` },
    });
  return signPatreonDelivery({ trigger: input.trigger, body, secret: input.secret });
}
