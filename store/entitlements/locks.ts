import type { Entitlement, Prisma } from '../../prisma/client.ts';

/** The entitlement, locked FOR UPDATE until the transaction ends, so changes to it take turns; null if unknown. */
export async function lockEntitlement(tx: Prisma.TransactionClient, id: string): Promise<Entitlement | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM entitlement WHERE id = ${id} FOR UPDATE`;
  return locked.length > 0 ? tx.entitlement.findUnique({ where: { id } }) : null;
}

/**
 * Key 1 of the two-key transaction advisory locks this folder takes, one space per kind of thing locked, so that
 * writes of something that may have no row yet (a subscription's first grant, a manual grant's chosen id) take turns.
 */
export const LOCK_SPACES = { subscription: 0x73756201, manualGrant: 0x73756202 } as const;

export async function lockKey(
  tx: Prisma.TransactionClient,
  space: (typeof LOCK_SPACES)[keyof typeof LOCK_SPACES],
  key: string,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${space}::int, hashtext(${key}))`;
}
