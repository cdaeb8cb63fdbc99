import { createHmac } from 'node:crypto';
import type { WebhookDelivery } from '../webhook-sender.ts';

/**
 * Signs a webhook body as Patreon does: X-Patreon-Signature is the hex HMAC-MD5 of the exact body bytes keyed with
 * the webhook's secret, and X-Patreon-Event names the trigger.
 */
export function signPatreonDelivery(input: { trigger: string; body: string; secret: string }): WebhookDelivery {
  const rawBody = Buffer.from(input.body);
  return {
    rawBody,
    headers: {
      'content-type': 'application/json',
      'x-patreon-event': input.trigger,
      'x-patreon-signature': createHmac('md5', input.secret).update(rawBody).digest('hex'),
    },
  };
}

/** Patreon writes dates with milliseconds and an explicit UTC offset. */
export function patreonTime(at: number): string {
  return new Date(at).toISOString().replace(/Z$/, '+00:00');
}
