import { z } from 'zod';
import { planIdSchema } from '../../domain/plans.ts';
import { snowflake } from '../../domain/snowflake.ts';
import { ENTITLEMENT_SOURCES } from '../../domain/subscription.ts';
import type { Prisma, PrismaClient } from '../../prisma/client.ts';
import { encodeCursor } from '../keyset-cursor.ts';
import { adminPageFields, parseAdminListInput } from './admin-list-input.ts';
import { type EntitlementRecord, toEntitlementRecord } from './entitlement-record.ts';

export const entitlementListQuerySchema = z.strictObject({
  /** A provider, or `manual`. */
  source: z.enum(ENTITLEMENT_SOURCES).optional(),
  plan: planIdSchema.optional(),
  /** At the time of the query: granting now, over, or not begun. */
  status: z.enum(['active', 'ended', 'upcoming']).optional(),
  /** Held by this guild, or a user's assigned to it. */
  guild: snowflake.optional(),
  /** Held by this user. */
  user: snowflake.optional(),
  ...adminPageFields,
});
export type EntitlementListQueryInput = z.input<typeof entitlementListQuerySchema>;

export interface ListedEntitlement extends EntitlementRecord {
  /** The guilds a user's entitlement is assigned to, earliest first; empty for a guild's. */
  assignedGuildIds: string[];
}

export interface EntitlementPage {
  entitlements: ListedEntitlement[];
  nextCursor: string | null;
}

const ORDERING = 'entitlements:created:desc';

/**
 * Entitlements for the admin pages, newest first, filtered by source, plan, status at `now` and holder, in keyset
 * pages over entitlement(created_at, id). Bad filters or cursors are an InputError.
 */
export async function listEntitlements(
  prisma: PrismaClient,
  input: EntitlementListQueryInput,
  now: Date = new Date(),
): Promise<EntitlementPage> {
  const { query, after } = parseAdminListInput(entitlementListQuerySchema, input, 'entitlement list query', ORDERING);
  const where: Prisma.EntitlementWhereInput[] = [];
  if (query.source) where.push({ source: query.source });
  if (query.plan) where.push({ plan: query.plan });
  if (query.status === 'active') {
    where.push({ startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] });
  } else if (query.status === 'ended') {
    where.push({ endsAt: { lte: now } });
  } else if (query.status === 'upcoming') {
    where.push({ startsAt: { gt: now } });
  }
  if (query.guild) where.push({ OR: [{ guildId: query.guild }, { assignments: { some: { guildId: query.guild } } }] });
  if (query.user) where.push({ userId: query.user });
  if (after) {
    const key = new Date(after.key);
    where.push({ OR: [{ createdAt: { lt: key } }, { createdAt: key, id: { lt: after.id } }] });
  }
  const rows = await prisma.entitlement.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    include: { assignments: { orderBy: [{ assignedAt: 'asc' }, { guildId: 'asc' }], select: { guildId: true } } },
  });
  const entitlements = rows.slice(0, query.limit).map(({ assignments, ...row }) => ({
    ...toEntitlementRecord(row),
    assignedGuildIds: assignments.map((assignment) => assignment.guildId),
  }));
  const last = entitlements.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ ordering: ORDERING, key: last.createdAt.toISOString(), id: last.id })
      : null;
  return { entitlements, nextCursor };
}
