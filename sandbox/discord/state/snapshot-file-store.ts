import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-file.ts';
import type { DiscordState } from './discord-state.ts';
import { type DiscordStateSnapshot, InvalidSnapshotError, parseDiscordStateSnapshot } from './snapshot.ts';

export const SNAPSHOT_FILE_NAME = 'state.json';
/** A burst of requests (a ticket opening is a handful) becomes one write. */
export const DEFAULT_SAVE_INTERVAL_MS = 200;
/** After a failed write (disk full, folder gone) try again this much later rather than at every change. */
const RETRY_AFTER_FAILURE_MS = 5_000;

export interface SnapshotFileStoreOptions {
  /** Longest a change waits before it is written; changes in between share the write. */
  intervalMs?: number;
  /** Where failures of background writes go; `flush` and `close` throw theirs instead. */
  onWriteError?: (error: unknown) => void;
}

/**
 * One DiscordState kept on disk as `<folder>/state.json`: `load` reads what an earlier run saved, and once
 * `track` is called every change reaches the file within `intervalMs`. One store per folder at a time.
 */
export class SnapshotFileStore {
  readonly file: string;
  readonly #intervalMs: number;
  readonly #onWriteError: (error: unknown) => void;
  #state: DiscordState | null = null;
  #stopListening: (() => void) | null = null;
  #timer: NodeJS.Timeout | null = null;
  #dirty = false;
  /** Writes run one after another, in the order they were asked for. */
  #writes: Promise<void> = Promise.resolve();

  constructor(folder: string, options: SnapshotFileStoreOptions = {}) {
    this.file = join(folder, SNAPSHOT_FILE_NAME);
    this.#intervalMs = options.intervalMs ?? DEFAULT_SAVE_INTERVAL_MS;
    this.#onWriteError =
      options.onWriteError ??
      ((error) => console.error(`discord sandbox: could not save ${this.file}; retrying`, error));
  }

  /** The saved world, or null when nothing was saved yet. A file that cannot be restored throws, naming it. */
  async load(): Promise<DiscordStateSnapshot | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return parseDiscordStateSnapshot(JSON.parse(text));
    } catch (error) {
      const reason = error instanceof SyntaxError ? `it is not valid JSON (${error.message})` : String(error);
      throw new InvalidSnapshotError(
        `cannot restore the local Discord from ${this.file}: ${reason}. ` +
          'Move the file away to start from an empty world (its threads and messages are then gone).',
        { cause: error },
      );
    }
  }

  /** Saves this state's changes from now on. */
  track(state: DiscordState): void {
    if (this.#state) throw new Error(`${this.file} already tracks a state`);
    this.#state = state;
    this.#stopListening = state.onChange(() => {
      this.#dirty = true;
      this.#schedule(this.#intervalMs);
    });
  }

  /** Writes the tracked state now, changed or not. */
  save(): Promise<void> {
    if (!this.#state) return Promise.reject(new Error(`${this.file}: save() needs a tracked state`));
    this.#cancelTimer();
    this.#dirty = true;
    return this.#enqueueWrite();
  }

  /** Writes pending changes now, and waits for any write under way. */
  async flush(): Promise<void> {
    this.#cancelTimer();
    if (this.#dirty) await this.#enqueueWrite();
    else await this.#writes;
  }

  /** Writes pending changes and stops tracking; the state can then be tracked by another store. */
  async close(): Promise<void> {
    this.#stopListening?.();
    this.#stopListening = null;
    try {
      await this.flush();
    } finally {
      this.#cancelTimer();
      this.#state = null;
    }
  }

  #schedule(delayMs: number): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#enqueueWrite().catch((error: unknown) => {
        this.#onWriteError(error);
        if (this.#stopListening) this.#schedule(RETRY_AFTER_FAILURE_MS);
      });
    }, delayMs);
  }

  #cancelTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #enqueueWrite(): Promise<void> {
    const write = this.#writes.then(() => this.#writeCurrentState());
    this.#writes = write.catch(() => undefined);
    return write;
  }

  /** The snapshot is taken when the write starts, so one write carries every change made before it. */
  async #writeCurrentState(): Promise<void> {
    const state = this.#state;
    if (!state || !this.#dirty) return;
    this.#dirty = false;
    try {
      await writeFileAtomically(this.file, `${JSON.stringify(state.snapshot())}\n`);
    } catch (error) {
      this.#dirty = true;
      throw error;
    }
  }
}
