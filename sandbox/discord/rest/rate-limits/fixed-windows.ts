/** A limit of `limit` requests per `windowMs`. */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

export interface WindowCount {
  /** Requests counted in the current window, this one included. */
  used: number;
  resetAtMs: number;
  /** Whether this request went over the limit. */
  exceeded: boolean;
}

/** A long-running sandbox sees many channels and callers; closed windows are dropped past this many. */
const MAX_OPEN_WINDOWS = 10_000;

/**
 * Fixed-window counters by key: a window opens with the first request after the previous one closed, as
 * @discordjs/rest opens its own global window, so a client that counts the same way is never refused.
 */
export class FixedWindows {
  readonly #windows = new Map<string, { resetAtMs: number; used: number }>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  count(key: string, limit: WindowLimit): WindowCount {
    const now = this.#now();
    if (this.#windows.size > MAX_OPEN_WINDOWS) this.#forgetClosed(now);
    let window = this.#windows.get(key);
    if (!window || window.resetAtMs <= now) {
      window = { resetAtMs: now + limit.windowMs, used: 0 };
      this.#windows.set(key, window);
    }
    window.used += 1;
    return { used: window.used, resetAtMs: window.resetAtMs, exceeded: window.used > limit.limit };
  }

  #forgetClosed(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAtMs <= now) this.#windows.delete(key);
  }
}
