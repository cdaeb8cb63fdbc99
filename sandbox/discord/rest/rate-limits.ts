import { createHash } from 'node:crypto';

export interface RateLimitPolicy {
  /** Requests allowed per bucket and major parameter in one window. */
  limit: number;
  windowMs: number;
}

/** Generous by default so tests never wait; tests that want real throttling pass a tighter policy. */
export const DEFAULT_RATE_LIMIT: RateLimitPolicy = { limit: 50, windowMs: 1_000 };

export interface RateLimitVerdict {
  headers: Record<string, string>;
  /** Seconds until the window resets, when this request is over the limit. */
  retryAfterSeconds: number | null;
}

/** Discord's bucket ids are opaque hashes shared by the routes of one limit. */
export function bucketHash(method: string, routePath: string): string {
  return createHash('sha1').update(`${method} ${routePath}`).digest('hex').slice(0, 32);
}

/**
 * Fixed-window counters per bucket and major parameter (channel, guild), answered with Discord's
 * X-RateLimit-* headers. The headers are honest: a client that honours them never gets a 429 from here.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { resetAt: number; used: number }>();
  readonly #policy: RateLimitPolicy;
  readonly #now: () => number;

  constructor(policy: RateLimitPolicy, now: () => number) {
    this.#policy = policy;
    this.#now = now;
  }

  consume(bucket: string, majorParameter: string): RateLimitVerdict {
    const now = this.#now();
    const key = `${bucket}:${majorParameter}`;
    let window = this.#windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { resetAt: now + this.#policy.windowMs, used: 0 };
      this.#windows.set(key, window);
    }
    window.used += 1;
    const resetAfterSeconds = (window.resetAt - now) / 1000;
    return {
      headers: rateLimitHeaders(
        bucket,
        this.#policy.limit,
        Math.max(0, this.#policy.limit - window.used),
        window.resetAt,
        resetAfterSeconds,
      ),
      retryAfterSeconds: window.used > this.#policy.limit ? resetAfterSeconds : null,
    };
  }
}

export function rateLimitHeaders(
  bucket: string,
  limit: number,
  remaining: number,
  resetAtMs: number,
  resetAfterSeconds: number,
): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': (resetAtMs / 1000).toFixed(3),
    'X-RateLimit-Reset-After': resetAfterSeconds.toFixed(3),
    'X-RateLimit-Bucket': bucket,
  };
}
