/** One signed delivery: the exact bytes and the headers the provider sends with them. */
export interface WebhookDelivery {
  rawBody: Buffer;
  headers: Record<string, string>;
}

const RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];

/**
 * Posts a stand-in's webhooks to the panel one after another, retrying an answer other than 2xx (or no answer) a
 * few times with backoff as the providers do, then giving up on that delivery with a line on stderr.
 */
export class WebhookSender {
  readonly #url: string | undefined;
  #queue: Promise<void> = Promise.resolve();

  constructor(url: string | undefined) {
    this.#url = url;
  }

  send(delivery: WebhookDelivery): void {
    const url = this.#url;
    if (!url) return;
    this.#queue = this.#queue.then(() => deliver(url, delivery));
  }

  /** Resolves when every delivery queued so far was accepted or given up on. */
  drain(): Promise<void> {
    return this.#queue;
  }
}

async function deliver(url: string, delivery: WebhookDelivery): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const status = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.rawBody }).then(
      (response) => response.status,
      () => 0,
    );
    if (status >= 200 && status < 300) return;
    const delay = RETRY_DELAYS_MS[attempt];
    if (delay === undefined) {
      console.error(
        `stand-in webhook to ${url} given up after ${attempt + 1} attempts (last answer ${status || 'none'})`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
