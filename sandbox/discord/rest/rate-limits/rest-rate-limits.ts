import { GlobalRateLimiter } from './global-limit.ts';
import { InvalidRequestGuard } from './invalid-requests.ts';
import type { RateLimitPolicy } from './policy.ts';
import { RouteRateLimiter } from './route-limits.ts';

/** The three kinds of limit a REST request meets, built from one policy on one clock. */
export class RestRateLimits {
  readonly global: GlobalRateLimiter;
  readonly routes: RouteRateLimiter;
  readonly invalidRequests: InvalidRequestGuard;

  constructor(policy: RateLimitPolicy, now: () => number) {
    this.global = new GlobalRateLimiter(policy.global, now);
    this.routes = new RouteRateLimiter(policy, now);
    this.invalidRequests = new InvalidRequestGuard(policy.invalidRequests, now);
  }
}
