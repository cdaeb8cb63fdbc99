/** Discord's epoch (2015-01-01T00:00:00Z): ids count milliseconds from it. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** Worker 1, process 0: the sandbox is one machine. */
const MACHINE_BITS = 1n << 17n;

/**
 * Makes ids the way Discord does: 42 bits of milliseconds since the Discord epoch, 5 bits of worker,
 * 5 bits of process and a 12-bit per-millisecond increment. Ids are strictly increasing, so sorting them
 * as numbers sorts by creation time, which clients (and @discordjs/rest's route buckets) rely on.
 */
export class SnowflakeGenerator {
  #lastMs = 0n;
  #increment = 0n;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  next(): string {
    let ms = BigInt(this.#now());
    if (ms < this.#lastMs) ms = this.#lastMs;
    if (ms === this.#lastMs) {
      this.#increment = (this.#increment + 1n) & 0xfffn;
      // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat an id.
      if (this.#increment === 0n) ms += 1n;
    } else {
      this.#increment = 0n;
    }
    this.#lastMs = ms;
    return (((ms - DISCORD_EPOCH_MS) << 22n) | MACHINE_BITS | this.#increment).toString();
  }
}

/** When an id was made, in milliseconds since the Unix epoch. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);
}
