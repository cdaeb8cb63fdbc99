import { SnowflakeGenerator, snowflakeTime } from '../snowflake.ts';

/**
 * The id generator, remembering the last id it issued so that a snapshot carries its position. Resumed from
 * that id, it never issues an id at or below it, even when the clock reads earlier than before the restart.
 */
export class ResumableSnowflakeGenerator extends SnowflakeGenerator {
  #lastIssued: string | null;

  constructor(now: () => number, lastIssued: string | null = null) {
    const floorMs = lastIssued === null ? Number.NEGATIVE_INFINITY : snowflakeTime(lastIssued) + 1;
    super(() => Math.max(now(), floorMs));
    this.#lastIssued = lastIssued;
  }

  override next(): string {
    const id = super.next();
    this.#lastIssued = id;
    return id;
  }

  get lastIssued(): string | null {
    return this.#lastIssued;
  }
}
