import type { Entitlement, Prisma } from '../../prisma/client.ts';

/** The entitlement, locked FOR UPDATE until the transaction ends, so changes to it take turns; null if unknown. */
export async function lockEntitlement(tx: Prisma.TransactionClient, id: string): Promise<Entitlement | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM entitlement WHERE id = ${id} FOR UPDATE`;
  return locked.length > 0 ? tx.entitlement.findUnique({ where: { id } }) : null;
}
