import type { Entitlement, EntitlementAuditAction, Prisma, PrismaClient } from '../../prisma/client.ts';
import {
  auditSnapshot,
  type EntitlementChange,
  type EntitlementRecord,
  toEntitlementRecord,
} from './entitlement-record.ts';

export interface AuditEntry {
  entitlementId: string;
  action: EntitlementAuditAction;
  actor: string;
  reason: string;
  before: Prisma.InputJsonObject | null;
  after: Prisma.InputJsonObject | null;
}

/** Appends one row; called inside the transaction of the change it records, so neither is written alone. */
export async function appendAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.entitlementAudit.create({
    data: {
      entitlementId: entry.entitlementId,
      action: entry.action,
      actor: entry.actor,
      reason: entry.reason,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}

/** Audits a written entitlement row against what it was (null: it was just created) and says what changed. */
export async function auditChange(
  tx: Prisma.TransactionClient,
  change: {
    before: EntitlementRecord | null;
    row: Entitlement;
    action: EntitlementAuditAction;
    actor: string;
    reason: string;
  },
): Promise<EntitlementChange> {
  const entitlement = toEntitlementRecord(change.row);
  await appendAudit(tx, {
    entitlementId: entitlement.id,
    action: change.action,
    actor: change.actor,
    reason: change.reason,
    before: change.before ? auditSnapshot(change.before) : null,
    after: auditSnapshot(entitlement),
  });
  return { entitlement, action: change.action };
}

export interface AuditRecord {
  id: string;
  entitlementId: string;
  action: EntitlementAuditAction;
  actor: string;
  reason: string;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  at: Date;
}

/** An entitlement's history, oldest first. */
export async function listEntitlementAudit(prisma: PrismaClient, entitlementId: string): Promise<AuditRecord[]> {
  const rows = await prisma.entitlementAudit.findMany({ where: { entitlementId }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ ...row, id: row.id.toString() }));
}
