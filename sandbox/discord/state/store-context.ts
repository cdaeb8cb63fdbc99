/**
 * What every store of the local Discord shares: one clock, one id generator (so ids stay in creation
 * order across stores) and one change signal, which persistence listens to.
 */
export interface StoreContext {
  now(): number;
  /** The clock as Discord writes timestamps. */
  isoNow(): string;
  nextId(): string;
  /** Tells the listeners that the world changed; every store calls it after each mutation. */
  changed(): void;
}
