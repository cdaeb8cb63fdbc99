import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { ProviderEvent } from '../../domain/subscription.ts';
import { WebhookRefused } from '../provider.ts';
import { webhookHeader } from '../webhook-header.ts';

/** The triggers about memberships; the campaign's other webhooks (posts…) are acknowledged and ignored. */
const MEMBER_TRIGGERS = new Set([
  'members:create',
  'members:update',
  'members:delete',
  'members:pledge:create',
  'members:pledge:update',
  'members:pledge:delete',
]);

/**
 * Verifies a Patreon webhook: X-Patreon-Signature is the hex HMAC-MD5 of the raw body keyed with the webhook's
 * secret, compared in constant time. Patreon signs no timestamp, so a replay cannot be told by age; it is harmless
 * because the workflow deduplicates by event id and always refetches the member rather than trusting the body.
 */
export function verifyPatreonWebhook(input: {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  secret: string;
  now: number;
}): ProviderEvent | null {
  const signature = webhookHeader(input.headers, 'x-patreon-signature');
  const trigger = webhookHeader(input.headers, 'x-patreon-event');
  if (!signature || !trigger) {
    throw new WebhookRefused('missing_signature', 'Patreon webhook without X-Patreon-Signature or X-Patreon-Event');
  }
  const expected = Buffer.from(createHmac('md5', input.secret).update(input.rawBody).digest('hex'));
  const given = Buffer.from(signature.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new WebhookRefused('bad_signature', 'Patreon webhook signature does not match its body');
  }
  if (!MEMBER_TRIGGERS.has(trigger)) return null;
  let body: { data?: { type?: unknown; id?: unknown } };
  try {
    body = JSON.parse(input.rawBody.toString('utf8'));
  } catch {
    throw new WebhookRefused('malformed_body', 'Patreon webhook body is not JSON');
  }
  const memberId = body.data?.id;
  if (body.data?.type !== 'member' || typeof memberId !== 'string' || memberId === '') {
    throw new WebhookRefused('malformed_body', `Patreon ${trigger} webhook without its member`);
  }
  return {
    provider: 'patreon',
    eventId: patreonEventId(trigger, input.rawBody),
    type: trigger,
    subscriptionId: memberId,
    // Patreon's body carries no time of its own: the event is dated when it arrived.
    occurredAt: input.now,
  };
}

/**
 * Patreon sends no delivery id. A redelivery repeats the same trigger and the same bytes, so their hash identifies
 * the event; two different changes differ in the member's attributes. Two deliveries that do collide describe the
 * same member state, and dropping the second loses nothing since the workflow refetches the member anyway.
 */
export function patreonEventId(trigger: string, rawBody: Buffer): string {
  return `patreon-${createHash('sha256').update(trigger).update('\n').update(rawBody).digest('hex')}`;
}
