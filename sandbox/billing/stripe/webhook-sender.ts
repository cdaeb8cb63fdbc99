/**
 * Delivers the stand-in's events to one webhook endpoint as Stripe does: a POST of the event's JSON, signed over
 * those bytes at the moment of sending, one event after another in the order they happened. An answer other
 * than 2xx, or none, is retried later with the same event id and a fresh signature, as Stripe retries for days.
 */
import type Stripe from 'stripe';
import { stripeSignature } from './stripe-events.ts';

/** Stripe backs off over three days; the stand-in's default is minutes, and tests pass their own. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];
const DELIVERY_TIMEOUT_MS = 10_000;

export interface Delivery {
  eventId: string;
  type: string;
  /** The endpoint's HTTP status; null when it could not be reached or did not answer in time. */
  status: number | null;
}

export interface WebhookSenderOptions {
  secret: string;
  url: string | null;
  retryDelaysMs?: readonly number[];
}

export class WebhookSender {
  private url: string | null;
  private readonly secret: string;
  private readonly retryDelaysMs: readonly number[];
  private readonly retries = new Set<NodeJS.Timeout>();
  /** Deliveries run one at a time, so an endpoint sees events in the order they happened. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: WebhookSenderOptions) {
    this.url = options.url;
    this.secret = options.secret;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  get endpoint(): string | null {
    return this.url;
  }

  setEndpoint(url: string | null): void {
    this.url = url;
  }

  private async post(event: Stripe.Event): Promise<number | null> {
    const url = this.url;
    if (!url) return null;
    const body = JSON.stringify(event, null, 2);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': stripeSignature(body, this.secret),
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return null;
    }
  }

  private retryLater(event: Stripe.Event, attempt: number): void {
    const delay = this.retryDelaysMs[attempt];
    if (delay === undefined || !this.url) return;
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      this.queue = this.queue.then(async () => {
        const status = await this.post(event);
        if (status === null || status < 200 || status >= 300) this.retryLater(event, attempt + 1);
      });
    }, delay);
    this.retries.add(timer);
  }

  /**
   * Sends each event once now (after any delivery in progress), and schedules retries of those not accepted.
   * Without an endpoint nothing is sent, as Stripe sends nothing to an account without one.
   */
  deliver(events: readonly Stripe.Event[]): Promise<Delivery[]> {
    if (!this.url) return Promise.resolve([]);
    const sent = this.queue.then(async () => {
      const deliveries: Delivery[] = [];
      for (const event of events) {
        const status = await this.post(event);
        deliveries.push({ eventId: event.id, type: event.type, status });
        if (status === null || status < 200 || status >= 300) this.retryLater(event, 0);
      }
      return deliveries;
    });
    this.queue = sent;
    return sent;
  }

  /** Drops the retries still waiting; a delivery in flight finishes. */
  async close(): Promise<void> {
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    await this.queue.catch(() => undefined);
  }
}
