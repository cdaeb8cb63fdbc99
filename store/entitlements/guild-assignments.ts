import { z } from 'zod';
import type { PlanCatalogue } from '../../domain/plans.ts';
import { snowflake } from '../../domain/snowflake.ts';
import type { EntitlementHolder } from '../../domain/subscription.ts';
import type { Prisma, PrismaClient } from '../../prisma/client.ts';
import { InputError } from '../input-error.ts';
import { TRANSACTION_OPTIONS } from '../transaction-options.ts';
import { appendAudit } from './entitlement-audit.ts';
import { operatorActor, toEntitlementRecord } from './entitlement-record.ts';
import { lockEntitlement } from './locks.ts';
import { parseInput } from './parse-input.ts';

const assignmentSchema = z.strictObject({
  entitlementId: z.string().min(1).max(64),
  guildId: snowflake,
  /** Whoever gives or takes the guild: the holder themselves, or an operator. */
  actorId: snowflake,
});
export type GuildAssignmentInput = z.input<typeof assignmentSchema>;

export interface GuildAssignmentResult {
  entitlementId: string;
  guildId: string;
  /** false when the call found it already so (a retry), and wrote nothing. */
  changed: boolean;
}

/**
 * Gives a guild a user-held entitlement, up to its plan's guildsPerEntitlement. Refused (InputError, nothing
 * written) for a guild-held, ended or unknown entitlement, and when every guild it allows is taken; assigning a
 * guild it already has changes nothing.
 */
export async function assignEntitlementToGuild(
  prisma: PrismaClient,
  catalogue: PlanCatalogue,
  input: GuildAssignmentInput,
  now: Date = new Date(),
): Promise<GuildAssignmentResult> {
  const { entitlementId, guildId, actorId } = parseInput(assignmentSchema, input, 'entitlement assignment');
  const refuse = (path: string, message: string) => new InputError('entitlement assignment', [{ path, message }]);
  return prisma.$transaction(async (tx) => {
    // Locking the entitlement makes concurrent assignments take turns, so two cannot both take the last guild.
    const row = await lockEntitlement(tx, entitlementId);
    if (!row) throw refuse('entitlementId', 'is no entitlement');
    const entitlement = toEntitlementRecord(row);
    if (entitlement.holder.kind !== 'user') {
      throw refuse(
        'entitlementId',
        `is held by guild ${entitlement.holder.guildId} itself; only a user's can be assigned`,
      );
    }
    if (entitlement.endsAt !== null && entitlement.endsAt <= now) {
      throw refuse(
        'entitlementId',
        `ended at ${entitlement.endsAt.toISOString()}; an ended entitlement grants nothing`,
      );
    }
    const assigned = await tx.entitlementGuildAssignment.findMany({
      where: { entitlementId },
      orderBy: [{ assignedAt: 'asc' }, { guildId: 'asc' }],
    });
    if (assigned.some((assignment) => assignment.guildId === guildId)) {
      return { entitlementId, guildId, changed: false };
    }
    const allowed = catalogue[entitlement.plan].guildsPerEntitlement;
    if (assigned.length >= allowed) {
      throw refuse(
        'guildId',
        `cannot be added: this ${entitlement.plan} entitlement covers ${allowed} guild${allowed === 1 ? '' : 's'} and ` +
          `is assigned to ${assigned.map((assignment) => assignment.guildId).join(', ')}; unassign one first`,
      );
    }
    const actor = operatorActor(actorId);
    await tx.entitlementGuildAssignment.create({ data: { entitlementId, guildId, assignedBy: actor } });
    await appendAudit(tx, {
      entitlementId,
      action: 'assign',
      actor,
      reason: `assigned to guild ${guildId}`,
      before: null,
      after: { guildId },
    });
    return { entitlementId, guildId, changed: true };
  }, TRANSACTION_OPTIONS);
}

/** Takes a guild off an entitlement; a guild it does not have changes nothing. */
export async function unassignEntitlementFromGuild(
  prisma: PrismaClient,
  input: GuildAssignmentInput,
): Promise<GuildAssignmentResult> {
  const { entitlementId, guildId, actorId } = parseInput(assignmentSchema, input, 'entitlement unassignment');
  return prisma.$transaction(async (tx) => {
    const removed = await tx.entitlementGuildAssignment.deleteMany({ where: { entitlementId, guildId } });
    if (removed.count === 0) return { entitlementId, guildId, changed: false };
    await appendAudit(tx, {
      entitlementId,
      action: 'unassign',
      actor: operatorActor(actorId),
      reason: `unassigned from guild ${guildId}`,
      before: { guildId },
      after: null,
    });
    return { entitlementId, guildId, changed: true };
  }, TRANSACTION_OPTIONS);
}

/** Takes every guild off an entitlement, one audit row each, inside the caller's transaction. */
export async function unassignAllInTransaction(
  tx: Prisma.TransactionClient,
  entitlementId: string,
  actor: string,
  reason: string,
): Promise<void> {
  const assigned = await tx.entitlementGuildAssignment.findMany({
    where: { entitlementId },
    orderBy: { guildId: 'asc' },
  });
  if (assigned.length === 0) return;
  await tx.entitlementGuildAssignment.deleteMany({ where: { entitlementId } });
  for (const { guildId } of assigned) {
    await appendAudit(tx, { entitlementId, action: 'unassign', actor, reason, before: { guildId }, after: null });
  }
}

/** The guilds told about a holder's billing: the guild itself, or every guild a user's entitlements are given to. */
export async function holderGuildIds(prisma: PrismaClient, holder: EntitlementHolder): Promise<string[]> {
  if (holder.kind === 'guild') return [holder.guildId];
  const rows = await prisma.entitlementGuildAssignment.findMany({
    where: { entitlement: { userId: holder.userId } },
    select: { guildId: true },
    distinct: ['guildId'],
    orderBy: { guildId: 'asc' },
  });
  return rows.map((row) => row.guildId);
}
