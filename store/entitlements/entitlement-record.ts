import { z } from 'zod';
import type { PlanId } from '../../domain/plans.ts';
import { snowflake } from '../../domain/snowflake.ts';
import type { BillingProviderName, EntitlementHolder, EntitlementSource } from '../../domain/subscription.ts';
import type { Entitlement, EntitlementAuditAction, Prisma } from '../../prisma/client.ts';

/** An entitlement as the store hands it out: the holder as one value, the subscription it comes from, if any. */
export interface EntitlementRecord {
  id: string;
  holder: EntitlementHolder;
  plan: PlanId;
  source: EntitlementSource;
  /** The provider subscription it mirrors; null for a manual grant. */
  subscription: { provider: BillingProviderName; subscriptionId: string } | null;
  startsAt: Date;
  /** null: open-ended. */
  endsAt: Date | null;
  endedReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What a call changed: the entitlement as it now is, and the audit action written, null when nothing changed. */
export interface EntitlementChange {
  entitlement: EntitlementRecord;
  action: EntitlementAuditAction | null;
}

export function toEntitlementRecord(row: Entitlement): EntitlementRecord {
  return {
    id: row.id,
    holder: holderOf(row),
    plan: row.plan,
    source: row.source,
    subscription:
      row.subscriptionProvider && row.subscriptionId
        ? { provider: row.subscriptionProvider, subscriptionId: row.subscriptionId }
        : null,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    endedReason: row.endedReason,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The holder of a row whose CHECK guarantees exactly one of guild_id and user_id. */
export function holderOf(row: { guildId: string | null; userId: string | null }): EntitlementHolder {
  if (row.guildId !== null) return { kind: 'guild', guildId: row.guildId };
  if (row.userId !== null) return { kind: 'user', userId: row.userId };
  throw new Error('a holder row has neither guild_id nor user_id, which its CHECK forbids');
}

export function holderColumns(holder: EntitlementHolder): { guildId: string | null; userId: string | null } {
  return holder.kind === 'guild' ? { guildId: holder.guildId, userId: null } : { guildId: null, userId: holder.userId };
}

/** Whether it grants at `at`: from starts_at (inclusive) to ends_at (exclusive). */
export function isActiveAt(entitlement: { startsAt: Date; endsAt: Date | null }, at: Date): boolean {
  return entitlement.startsAt <= at && (entitlement.endsAt === null || entitlement.endsAt > at);
}

/** What the audit log keeps of an entitlement before and after a change. */
export function auditSnapshot(entitlement: EntitlementRecord): Prisma.InputJsonObject {
  return {
    holder: { ...entitlement.holder },
    plan: entitlement.plan,
    startsAt: entitlement.startsAt.toISOString(),
    endsAt: entitlement.endsAt?.toISOString() ?? null,
    endedReason: entitlement.endedReason,
  };
}

/** Who made a change, as audit rows and created_by name them. */
export function systemActor(provider: BillingProviderName): string {
  return `system:${provider}`;
}

export function operatorActor(discordUserId: string): string {
  return `manual:${discordUserId}`;
}

export const entitlementHolderSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('guild'), guildId: snowflake }),
  z.strictObject({ kind: z.literal('user'), userId: snowflake }),
]);

export function sameHolder(a: EntitlementHolder, b: EntitlementHolder): boolean {
  return a.kind === 'guild'
    ? b.kind === 'guild' && a.guildId === b.guildId
    : b.kind === 'user' && a.userId === b.userId;
}
