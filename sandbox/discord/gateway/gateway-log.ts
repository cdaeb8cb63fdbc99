/** What happened on the gateway, for tests to wait on ("the client has resumed twice"). */
export type GatewayEventKind = 'connect' | 'identify' | 'resume' | 'invalid-session' | 'disconnect';

export interface GatewayLogEntry {
  kind: GatewayEventKind;
  /** The session concerned; null for a connection that had none. */
  sessionId: string | null;
  /** The close code, for 'disconnect'. */
  code?: number;
  at: number;
}

export class GatewayLog {
  readonly entries: GatewayLogEntry[] = [];
  readonly #waiters = new Set<() => void>();

  record(entry: Omit<GatewayLogEntry, 'at'>): void {
    this.entries.push({ ...entry, at: Date.now() });
    for (const waiter of this.#waiters) waiter();
  }

  count(kind: GatewayEventKind): number {
    return this.entries.filter((entry) => entry.kind === kind).length;
  }

  /** Resolves once `kind` has happened `count` times in all; rejects after the timeout, saying what it saw. */
  waitFor(kind: GatewayEventKind, count: number, timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.count(kind) < count) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`gateway: waited ${timeoutMs} ms for ${count} × ${kind}, saw ${this.count(kind)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(check);
      };
      this.#waiters.add(check);
      check();
    });
  }
}
