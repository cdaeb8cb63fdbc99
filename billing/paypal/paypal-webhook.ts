import { verify, X509Certificate } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { ProviderEvent } from '../../domain/subscription.ts';
import { WebhookRefused } from '../provider.ts';
import { webhookHeader } from '../webhook-header.ts';

/** Reads the PEM served at a certificate URL; only ever called for an allow-listed PayPal origin. */
export type PayPalCertificateFetcher = (url: URL) => Promise<string>;

/** The names PayPal's webhook signing certificates are issued to (live, and PayPal's own sandbox). */
const PAYPAL_SIGNING_CERT_NAMES = [
  'messageverificationcerts.paypal.com',
  'messageverificationcerts.sandbox.paypal.com',
];
const CERT_PATH_PREFIX = '/v1/notifications/certs/';
/** PayPal rotates its signing certificate rarely; a handful of URLs covers every rotation in between restarts. */
const CERT_CACHE_SIZE = 8;
const SUBSCRIPTION_EVENT_PREFIX = 'BILLING.SUBSCRIPTION.';
const SALE_EVENTS = new Set(['PAYMENT.SALE.COMPLETED', 'PAYMENT.SALE.DENIED']);

export interface PayPalWebhookVerifierOptions {
  webhookId: string;
  /** Origins (scheme, host, port) PAYPAL-CERT-URL may name; anything else is refused before any request. */
  certOrigins: string[];
  fetchCertificate?: PayPalCertificateFetcher;
  /** How far the transmission time may be from now, either way. */
  toleranceMs?: number;
  now?: () => number;
}

/**
 * Verifies PayPal webhooks locally, as PayPal documents: the signed message is
 * `transmission id|transmission time|webhook id|crc32 of the raw body` (unsigned decimal), signed SHA256withRSA
 * with the certificate at PAYPAL-CERT-URL. That certificate is trusted because it came over TLS from an allow-listed
 * PayPal origin (the URL itself is attacker-supplied), and only while valid and issued to PayPal's signing name.
 */
export class PayPalWebhookVerifier {
  readonly #webhookId: string;
  readonly #certOrigins: Set<string>;
  readonly #fetchCertificate: PayPalCertificateFetcher;
  readonly #toleranceMs: number;
  readonly #now: () => number;
  readonly #certificates = new Map<string, X509Certificate>();

  constructor(options: PayPalWebhookVerifierOptions) {
    this.#webhookId = options.webhookId;
    this.#certOrigins = new Set(options.certOrigins);
    this.#fetchCertificate = options.fetchCertificate ?? fetchPayPalCertificate;
    this.#toleranceMs = options.toleranceMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  async verify(input: {
    rawBody: Buffer;
    headers: Record<string, string | string[] | undefined>;
  }): Promise<ProviderEvent | null> {
    const { rawBody, headers } = input;
    const transmissionId = webhookHeader(headers, 'paypal-transmission-id');
    const transmissionTime = webhookHeader(headers, 'paypal-transmission-time');
    const signature = webhookHeader(headers, 'paypal-transmission-sig');
    const certUrl = webhookHeader(headers, 'paypal-cert-url');
    const algorithm = webhookHeader(headers, 'paypal-auth-algo');
    if (!transmissionId || !transmissionTime || !signature || !certUrl || !algorithm) {
      throw new WebhookRefused('missing_signature', 'PayPal webhook without its PAYPAL-TRANSMISSION-* headers');
    }
    if (algorithm !== 'SHA256withRSA') {
      throw new WebhookRefused('bad_signature', `PayPal webhook signed with ${algorithm}, not SHA256withRSA`);
    }
    const sentAt = Date.parse(transmissionTime);
    if (Number.isNaN(sentAt) || Math.abs(this.#now() - sentAt) > this.#toleranceMs) {
      throw new WebhookRefused(
        'stale_timestamp',
        `PayPal webhook transmitted at ${transmissionTime}, too far from now`,
      );
    }
    const certificate = await this.#certificate(certUrl);
    const message = `${transmissionId}|${transmissionTime}|${this.#webhookId}|${crc32(rawBody)}`;
    if (!verify('sha256', Buffer.from(message), certificate.publicKey, Buffer.from(signature, 'base64'))) {
      throw new WebhookRefused('bad_signature', 'PayPal webhook signature does not match its body');
    }
    return readPayPalEvent(rawBody);
  }

  async #certificate(certUrl: string): Promise<X509Certificate> {
    const url = URL.parse(certUrl);
    if (!url || !this.#certOrigins.has(url.origin) || !url.pathname.startsWith(CERT_PATH_PREFIX) || url.username) {
      throw new WebhookRefused('bad_signature', `PayPal webhook names a certificate outside PayPal: ${url?.origin}`);
    }
    const cached = this.#certificates.get(url.href);
    const certificate = cached ?? new X509Certificate(await this.#fetchCertificate(url));
    const now = this.#now();
    if (now < certificate.validFromDate.getTime() || now > certificate.validToDate.getTime()) {
      this.#certificates.delete(url.href);
      throw new WebhookRefused('bad_signature', `PayPal signing certificate at ${url.href} is not valid now`);
    }
    if (!PAYPAL_SIGNING_CERT_NAMES.some((name) => certificate.checkHost(name, { subject: 'always' }))) {
      throw new WebhookRefused(
        'bad_signature',
        `certificate at ${url.href} is not PayPal's webhook signing certificate`,
      );
    }
    if (!cached) {
      if (this.#certificates.size >= CERT_CACHE_SIZE)
        this.#certificates.delete(this.#certificates.keys().next().value ?? '');
      this.#certificates.set(url.href, certificate);
    }
    return certificate;
  }
}

/**
 * Downloads a certificate. A 4xx means there is no such certificate, so the delivery is refused; a network failure
 * or a 5xx is thrown as it is, so the route answers 5xx and PayPal delivers again later.
 */
async function fetchPayPalCertificate(url: URL): Promise<string> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
  if (response.status >= 400 && response.status < 500) {
    throw new WebhookRefused('bad_signature', `PayPal has no certificate at ${url.href} (${response.status})`);
  }
  if (!response.ok) throw new Error(`PayPal certificate download answered ${response.status}`);
  return response.text();
}

/** The verified body as an event: subscriptions' own events and their sales; null for anything else. */
function readPayPalEvent(rawBody: Buffer): ProviderEvent | null {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new WebhookRefused('malformed_body', 'PayPal webhook body is not JSON');
  }
  const event = body as { id?: unknown; event_type?: unknown; create_time?: unknown; resource?: unknown };
  const occurredAt = typeof event.create_time === 'string' ? Date.parse(event.create_time) : Number.NaN;
  if (typeof event.id !== 'string' || typeof event.event_type !== 'string' || Number.isNaN(occurredAt)) {
    throw new WebhookRefused('malformed_body', 'PayPal webhook without id, event_type or create_time');
  }
  const resource = (event.resource ?? {}) as { id?: unknown; billing_agreement_id?: unknown };
  const subscriptionId = event.event_type.startsWith(SUBSCRIPTION_EVENT_PREFIX)
    ? resource.id
    : SALE_EVENTS.has(event.event_type)
      ? resource.billing_agreement_id
      : null;
  // A sale outside any subscription (a one-off payment) has no billing agreement: nothing for a subscription.
  if (subscriptionId === null || subscriptionId === undefined) return null;
  if (typeof subscriptionId !== 'string' || subscriptionId === '') {
    throw new WebhookRefused('malformed_body', `PayPal ${event.event_type} without its subscription's id`);
  }
  return { provider: 'paypal', eventId: event.id, type: event.event_type, subscriptionId, occurredAt };
}
