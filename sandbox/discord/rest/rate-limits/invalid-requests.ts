import { FixedWindows } from './fixed-windows.ts';
import type { RateLimitPolicy } from './policy.ts';

/**
 * Discord's invalid-request limit ("Cloudflare bans"): answers of 401, 403 and 429 count per client IP, except
 * 429s of scope `shared`; past the limit within the window the IP is refused everything for a while.
 */
export class InvalidRequestGuard {
  readonly #windows: FixedWindows;
  readonly #policy: RateLimitPolicy['invalidRequests'];
  readonly #now: () => number;
  readonly #bannedUntil = new Map<string, number>();

  constructor(policy: RateLimitPolicy['invalidRequests'], now: () => number) {
    this.#policy = policy;
    this.#now = now;
    this.#windows = new FixedWindows(now);
  }

  isBanned(ip: string): boolean {
    const until = this.#bannedUntil.get(ip);
    if (until === undefined) return false;
    if (until > this.#now()) return true;
    this.#bannedUntil.delete(ip);
    return false;
  }

  /** Counts an answer the client got; the one that goes over the limit starts the ban. */
  record(ip: string, status: number, scope: string | undefined): void {
    // The ban's own answers do not count: a banned client retrying does not lengthen its ban.
    if (this.isBanned(ip)) return;
    if (status !== 401 && status !== 403 && status !== 429) return;
    if (status === 429 && scope === 'shared') return;
    if (this.#windows.count(ip, this.#policy).exceeded) this.#bannedUntil.set(ip, this.#now() + this.#policy.banMs);
  }
}
