/**
 * Work the bot goes on with after it has answered (telling open tickets of a settings change). `stop` ends it and
 * waits for it, so the bot's Temporal connection is never closed under a call still in flight.
 */
export class BackgroundTasks {
  readonly #running = new Set<Promise<void>>();
  readonly #stopping = new AbortController();

  /** Starts `task` unless the bot is stopping; the signal tells it to give up. Its failures are its own to log. */
  run(task: (stopping: AbortSignal) => Promise<void>): void {
    if (this.#stopping.signal.aborted) return;
    const running = task(this.#stopping.signal).catch(() => undefined);
    this.#running.add(running);
    void running.finally(() => this.#running.delete(running));
  }

  async stop(): Promise<void> {
    this.#stopping.abort();
    await Promise.allSettled([...this.#running]);
  }
}
