/**
 * Prisma's interactive transactions default to 2 s to get a connection and 5 s to finish. Opens in one guild queue
 * on the guild's counter row by design, so a burst needs more room; past these limits the activity fails and
 * Temporal retries it.
 */
export const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
