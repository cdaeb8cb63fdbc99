import { compilePath } from '../path-pattern.ts';

/**
 * A failure for the next matching requests: answer `status` (429 with Retry-After, 5xx, or a Discord-shaped
 * 4xx) instead of handling the request, and/or answer only after `delayMs`. A delay without a status
 * handles the request first, so its effects happen even when the client gave up waiting: a lost response.
 * Rules are consumed in order; each applies to `times` matching requests, or with `every` to a share of them.
 */
export interface FaultRule {
  /** `METHOD /path/:param` in API paths without the `/api/v10` prefix, e.g. `POST /channels/:id/messages`; omit for any request. */
  route?: string;
  status?: number;
  delayMs?: number;
  /** How many matching requests get this answer; default 1. */
  times?: number;
  /**
   * Only one in `every` matching requests gets it (the n-th, 2n-th, …: a deterministic share for fault tests);
   * the others go on to later rules and the handler. Default 1.
   */
  every?: number;
  /** For 429: seconds in Retry-After; default 1. */
  retryAfterSeconds?: number;
  /** For 429: a global rather than per-route limit. */
  global?: boolean;
  /** For 4xx other than 429: Discord's error code and message; default `{ code: 0, message: '<status>: Injected' }`. */
  code?: number;
  message?: string;
}

interface PendingFault {
  rule: FaultRule;
  method: string | null;
  matches: ((path: string) => boolean) | null;
  remaining: number;
  /** Matching requests seen so far, for `every`. */
  seen: number;
}

export class FaultQueue {
  #pending: PendingFault[] = [];

  inject(rule: FaultRule): void {
    if (rule.every !== undefined && !(Number.isInteger(rule.every) && rule.every >= 1))
      throw new Error(`fault "every" must be a whole number of at least 1, got ${rule.every}`);
    const [method, pattern] = rule.route ? splitRoute(rule.route) : [null, null];
    const compiled = pattern ? compilePath(pattern) : null;
    this.#pending.push({
      rule,
      method,
      matches: compiled ? (path) => compiled(path) !== null : null,
      remaining: rule.times ?? 1,
      seen: 0,
    });
  }

  /** The fault this request must get, if any, using up one of its answers. */
  take(method: string, path: string): FaultRule | null {
    const fault = this.#pending.find((candidate) => {
      if ((candidate.method && candidate.method !== method) || (candidate.matches && !candidate.matches(path)))
        return false;
      candidate.seen += 1;
      return candidate.seen % (candidate.rule.every ?? 1) === 0;
    });
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#pending.splice(this.#pending.indexOf(fault), 1);
    return fault.rule;
  }

  get pendingCount(): number {
    return this.#pending.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  clear(): void {
    this.#pending = [];
  }
}

function splitRoute(route: string): [string, string] {
  const match = /^([A-Z]+) (\/\S*)$/.exec(route);
  if (!match?.[1] || !match[2])
    throw new Error(`fault route must look like "POST /channels/:id/messages", got "${route}"`);
  return [match[1], match[2]];
}
