import { createHash } from 'node:crypto';
import { FixedWindows } from './fixed-windows.ts';
import type { RateLimitPolicy } from './policy.ts';

/**
 * Discord's "major parameter": limits count per channel, guild, or webhook (with its token, so each interaction's
 * webhook counts apart), as @discordjs/rest splits its queues too. An interaction's callback counts alone: each
 * interaction is answered once, and @discordjs/rest sends callbacks without waiting on any bucket.
 */
const MAJOR_PARAMETER = /^\/(?:webhooks\/([^/]+\/[^/]+)|(?:channels|guilds|webhooks|interactions)\/([^/]+))/;

export function majorParameter(path: string): string {
  const match = MAJOR_PARAMETER.exec(path);
  return match?.[1] ?? match?.[2] ?? 'none';
}

export interface RouteVerdict {
  /** The X-RateLimit-* headers every answer on the route carries. */
  headers: Record<string, string>;
  /** Seconds until the bucket resets, when this request is over the limit. */
  retryAfterSeconds: number | null;
}

/** Discord's bucket ids are opaque hashes, the same for every route of one limit. */
export function bucketHash(name: string): string {
  return createHash('sha1').update(name).digest('hex').slice(0, 32);
}

/**
 * Per-route limits: fixed windows per caller, bucket and major parameter, answered with Discord's X-RateLimit-*
 * headers. The headers are honest: a client that waits when Remaining is 0 never gets a 429 from here (another
 * client on the same token can still spend the bucket, as on Discord).
 */
export class RouteRateLimiter {
  readonly #windows: FixedWindows;
  readonly #policy: Pick<RateLimitPolicy, 'routes' | 'otherRoutes'>;
  readonly #now: () => number;

  constructor(policy: Pick<RateLimitPolicy, 'routes' | 'otherRoutes'>, now: () => number) {
    this.#policy = policy;
    this.#now = now;
    this.#windows = new FixedWindows(now);
  }

  /** The bucket hash of a route (`METHOD /path/:param`, as registered). */
  bucketOf(routeKey: string): string {
    return bucketHash(this.#policy.routes[routeKey]?.bucket ?? routeKey);
  }

  consume(caller: string, routeKey: string, path: string): RouteVerdict {
    const limit = this.#policy.routes[routeKey] ?? this.#policy.otherRoutes;
    const bucket = this.bucketOf(routeKey);
    const window = this.#windows.count(`${caller} ${bucket} ${majorParameter(path)}`, limit);
    const resetAfterSeconds = (window.resetAtMs - this.#now()) / 1000;
    return {
      headers: rateLimitHeaders(
        bucket,
        limit.limit,
        Math.max(0, limit.limit - window.used),
        window.resetAtMs,
        resetAfterSeconds,
      ),
      retryAfterSeconds: window.exceeded ? resetAfterSeconds : null,
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
