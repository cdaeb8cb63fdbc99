import { z } from 'zod';
import { snowflake } from '../../domain/snowflake.ts';
import type { Entitlement, Prisma, PrismaClient } from '../../prisma/client.ts';
import { InputError, type InputProblem } from '../input-error.ts';
import { TRANSACTION_OPTIONS } from '../transaction-options.ts';
import { auditChange } from './entitlement-audit.ts';
import {
  type EntitlementChange,
  type EntitlementRecord,
  entitlementHolderSchema,
  holderColumns,
  operatorActor,
  sameHolder,
  toEntitlementRecord,
} from './entitlement-record.ts';
import { LOCK_SPACES, lockEntitlement, lockKey } from './locks.ts';
import { parseInput } from './parse-input.ts';

/** Why an operator did it: kept in the audit log, so it must say something. */
const reason = z.string().trim().min(3, 'must say why, in at least 3 characters').max(500);
const entitlementId = z.string().min(1).max(64);

const grantSchema = z
  .strictObject({
    /**
     * The id the new entitlement takes, chosen by the caller (the admin form renders one): a retried grant with
     * the same id finds the first and writes nothing. A new one is made when absent.
     */
    entitlementId: z.uuid().optional(),
    holder: entitlementHolderSchema,
    // Granting free would grant nothing: every guild has it.
    plan: z.enum(['pro', 'enterprise'], { message: 'must be a paid plan: pro or enterprise' }),
    startsAt: z.date().optional(),
    /** null: until revoked. */
    endsAt: z.date().nullable(),
    reason,
    operatorId: snowflake,
  })
  .refine((grant) => grant.endsAt === null || grant.startsAt === undefined || grant.endsAt > grant.startsAt, {
    path: ['endsAt'],
    message: 'must be later than startsAt',
  });
export type ManualGrantInput = z.input<typeof grantSchema>;

const extendSchema = z.strictObject({ entitlementId, endsAt: z.date().nullable(), reason, operatorId: snowflake });
export type ManualExtendInput = z.input<typeof extendSchema>;

const revokeSchema = z.strictObject({ entitlementId, reason, operatorId: snowflake });
export type ManualRevokeInput = z.input<typeof revokeSchema>;

/**
 * An operator's grant (source `manual`), independent of any provider subscription: ending a subscription never
 * touches it. Audited with the operator and the reason; bad input is an InputError and writes nothing.
 */
export async function grantManualEntitlement(
  prisma: PrismaClient,
  input: ManualGrantInput,
  now: Date = new Date(),
): Promise<EntitlementChange> {
  const grant = parseInput(grantSchema, input, 'manual grant');
  const startsAt = grant.startsAt ?? now;
  if (grant.endsAt !== null && grant.endsAt <= now) {
    throw new InputError('manual grant', [{ path: 'endsAt', message: 'must be in the future' }]);
  }
  if (grant.endsAt !== null && grant.endsAt <= startsAt) {
    throw new InputError('manual grant', [{ path: 'endsAt', message: 'must be later than startsAt' }]);
  }
  const actor = operatorActor(grant.operatorId);
  return prisma.$transaction(async (tx) => {
    const id = grant.entitlementId;
    if (id !== undefined) {
      // A double submit's two requests take turns here, so the second finds the first's row.
      await lockKey(tx, LOCK_SPACES.manualGrant, id);
      const earlier = await tx.entitlement.findUnique({ where: { id } });
      if (earlier) return { entitlement: sameGrantOrRefuse(earlier, grant), action: null };
    }
    const created = await tx.entitlement.create({
      data: {
        id,
        ...holderColumns(grant.holder),
        plan: grant.plan,
        source: 'manual',
        startsAt,
        endsAt: grant.endsAt,
        createdBy: actor,
      },
    });
    return auditChange(tx, { before: null, row: created, action: 'grant', actor, reason: grant.reason });
  }, TRANSACTION_OPTIONS);
}

/** A retried grant matches the first in what it grants; another grant reusing its id is refused. */
function sameGrantOrRefuse(row: Entitlement, grant: z.output<typeof grantSchema>): EntitlementRecord {
  const earlier = toEntitlementRecord(row);
  const same =
    earlier.source === 'manual' &&
    sameHolder(earlier.holder, grant.holder) &&
    earlier.plan === grant.plan &&
    earlier.endsAt?.getTime() === grant.endsAt?.getTime() &&
    (grant.startsAt === undefined || earlier.startsAt.getTime() === grant.startsAt.getTime());
  if (!same) {
    throw new InputError('manual grant', [
      { path: 'entitlementId', message: 'already names another entitlement; a new grant needs a new id' },
    ]);
  }
  return earlier;
}

/**
 * Moves a manual entitlement's end later (or makes it open-ended with null), reopening it if it had ended. Moving
 * it earlier is a revoke. Asking for the end it already has changes nothing.
 */
export async function extendManualEntitlement(
  prisma: PrismaClient,
  input: ManualExtendInput,
  now: Date = new Date(),
): Promise<EntitlementChange> {
  const extension = parseInput(extendSchema, input, 'manual extension');
  return changeManual(prisma, extension.entitlementId, 'manual extension', async (tx, before) => {
    if (sameEnd(before.endsAt, extension.endsAt)) return null;
    const problems: InputProblem[] = [];
    if (before.endsAt === null) {
      problems.push({ path: 'endsAt', message: 'cannot be extended: the entitlement has no end' });
    } else if (extension.endsAt !== null && extension.endsAt < before.endsAt) {
      problems.push({
        path: 'endsAt',
        message: `must be later than its current end ${before.endsAt.toISOString()} (to end it sooner, revoke it)`,
      });
    } else if (extension.endsAt !== null && extension.endsAt <= now) {
      problems.push({ path: 'endsAt', message: 'must be in the future' });
    }
    if (problems.length > 0) throw new InputError('manual extension', problems);
    const updated = await tx.entitlement.update({
      where: { id: before.id },
      data: { endsAt: extension.endsAt, endedReason: null },
    });
    return {
      row: updated,
      action: 'extend' as const,
      actor: operatorActor(extension.operatorId),
      reason: extension.reason,
    };
  });
}

/** Ends a manual entitlement now (or, if it has not started, before it starts). An ended one changes nothing. */
export async function revokeManualEntitlement(
  prisma: PrismaClient,
  input: ManualRevokeInput,
  now: Date = new Date(),
): Promise<EntitlementChange> {
  const revocation = parseInput(revokeSchema, input, 'manual revocation');
  return changeManual(prisma, revocation.entitlementId, 'manual revocation', async (tx, before) => {
    if (before.endsAt !== null && before.endsAt <= now) return null;
    const endsAt = before.startsAt > now ? before.startsAt : now;
    const updated = await tx.entitlement.update({
      where: { id: before.id },
      data: { endsAt, endedReason: revocation.reason },
    });
    return {
      row: updated,
      action: 'revoke' as const,
      actor: operatorActor(revocation.operatorId),
      reason: revocation.reason,
    };
  });
}

type ManualChange = (
  tx: Prisma.TransactionClient,
  before: EntitlementRecord,
) => Promise<{ row: Entitlement; action: 'extend' | 'revoke'; actor: string; reason: string } | null>;

/** Locks a manual entitlement, applies the change, and audits it; refuses unknown and provider entitlements. */
async function changeManual(
  prisma: PrismaClient,
  id: string,
  subject: string,
  change: ManualChange,
): Promise<EntitlementChange> {
  return prisma.$transaction(async (tx) => {
    const row = await lockEntitlement(tx, id);
    if (!row) throw new InputError(subject, [{ path: 'entitlementId', message: 'is no entitlement' }]);
    const before = toEntitlementRecord(row);
    if (before.source !== 'manual') {
      throw new InputError(subject, [
        {
          path: 'entitlementId',
          message:
            `comes from a ${before.source} subscription, whose provider decides when it ends; ` +
            'change the subscription there, or grant a manual entitlement beside it',
        },
      ]);
    }
    const applied = await change(tx, before);
    if (applied === null) return { entitlement: before, action: null };
    return auditChange(tx, { before, ...applied });
  }, TRANSACTION_OPTIONS);
}

function sameEnd(a: Date | null, b: Date | null): boolean {
  return a === null || b === null ? a === b : a.getTime() === b.getTime();
}
