import { randomBytes, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** The stand-in's signing key and certificate (CN=messageverificationcerts.paypal.com, self-signed, test-only). */
export const STAND_IN_SIGNING_KEY = readFileSync(new URL('./stand-in-signing-key.pem', import.meta.url), 'utf8');
export const STAND_IN_SIGNING_CERT = readFileSync(new URL('./stand-in-signing-cert.pem', import.meta.url), 'utf8');

/** One webhook delivery as it reaches the route: the raw body and the headers PayPal sends with it. */
export interface PayPalDelivery {
  rawBody: Buffer;
  headers: Record<string, string>;
}

/** PayPal writes times to the second, in UTC. */
export function paypalTime(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Signs a body as PayPal does: SHA256withRSA over `transmission id|transmission time|webhook id|crc32(body)`, with
 * the certificate's URL in PAYPAL-CERT-URL. The body is sent byte for byte as given.
 */
export function signPayPalDelivery(input: {
  body: string;
  webhookId: string;
  certUrl: string;
  privateKeyPem?: string;
  transmissionId?: string;
  transmissionTime?: string;
}): PayPalDelivery {
  const rawBody = Buffer.from(input.body);
  const transmissionId = input.transmissionId ?? randomUUID();
  const transmissionTime = input.transmissionTime ?? paypalTime(Date.now());
  const message = `${transmissionId}|${transmissionTime}|${input.webhookId}|${crc32(rawBody)}`;
  const signature = sign('sha256', Buffer.from(message), input.privateKeyPem ?? STAND_IN_SIGNING_KEY);
  return {
    rawBody,
    headers: {
      'content-type': 'application/json',
      'paypal-auth-algo': 'SHA256withRSA',
      'paypal-cert-url': input.certUrl,
      'paypal-transmission-id': transmissionId,
      'paypal-transmission-sig': signature.toString('base64'),
      'paypal-transmission-time': transmissionTime,
    },
  };
}

/** A webhook event in PayPal's envelope: `WH-…` id, type, resource; `resource_type` follows the resource. */
export function paypalEventBody(input: {
  eventType: string;
  resourceType: 'subscription' | 'sale';
  resource: object;
  at: number;
  summary?: string;
}): string {
  const id = `WH-${randomBytes(12).toString('hex').toUpperCase()}`;
  return JSON.stringify({
    id,
    event_version: '1.0',
    create_time: paypalTime(input.at),
    resource_type: input.resourceType,
    resource_version: input.resourceType === 'subscription' ? '2.0' : '1.0',
    event_type: input.eventType,
    summary: input.summary ?? input.eventType,
    resource: input.resource,
    links: [{ href: `https://api-m.paypal.com/v1/notifications/webhooks-events/${id}`, rel: 'self', method: 'GET' }],
  });
}
