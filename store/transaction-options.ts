/**
 * Prisma's interactive transactions default to 2 s to get a connection and 5 s to finish. Opens in one guild queue
 * on the guild's counter row by design (and a guild config save takes its turn there too), so a burst needs more
 * room; past these limits the call fails, and an activity's is retried by Temporal.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
