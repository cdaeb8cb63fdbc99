import { FixedWindows, type WindowLimit } from './fixed-windows.ts';

/**
 * Interaction endpoints are not bound to the global limit (Discord's docs): the callback, and the webhooks an
 * interaction's token opens. The sandbox's only webhooks are those.
 */
export function isInteractionEndpoint(routePath: string): boolean {
  return routePath.startsWith('/interactions/') || routePath.startsWith('/webhooks/');
}

/**
 * Discord's global limit: requests per caller (the Authorization header, so every process on one bot token
 * shares it; the IP for requests without one) across all other routes. Returns the seconds to wait when this
 * request is over it, else null.
 */
export class GlobalRateLimiter {
  readonly #windows: FixedWindows;
  readonly #limit: WindowLimit;
  readonly #now: () => number;

  constructor(limit: WindowLimit, now: () => number) {
    this.#limit = limit;
    this.#now = now;
    this.#windows = new FixedWindows(now);
  }

  consume(caller: string): number | null {
    const window = this.#windows.count(caller, this.#limit);
    return window.exceeded ? (window.resetAtMs - this.#now()) / 1000 : null;
  }
}
