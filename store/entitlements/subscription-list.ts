import { z } from 'zod';
import { planIdSchema } from '../../domain/plans.ts';
import { snowflake } from '../../domain/snowflake.ts';
import { BILLING_PROVIDERS, SUBSCRIPTION_STATUSES } from '../../domain/subscription.ts';
import { Prisma, type PrismaClient, type Subscription } from '../../prisma/client.ts';
import { encodeCursor } from '../keyset-cursor.ts';
import { adminPageFields, parseAdminListInput } from './admin-list-input.ts';
import { SUBSCRIPTION_COLUMNS, type SubscriptionRecord, toSubscriptionRecord } from './subscription-record.ts';

export type { SubscriptionRecord } from './subscription-record.ts';

export const subscriptionListQuerySchema = z.strictObject({
  provider: z.enum(BILLING_PROVIDERS).optional(),
  plan: planIdSchema.optional(),
  status: z.enum(SUBSCRIPTION_STATUSES).optional(),
  /** Held by this guild. */
  guild: snowflake.optional(),
  /** Held by this user. */
  user: snowflake.optional(),
  ...adminPageFields,
});
export type SubscriptionListQueryInput = z.input<typeof subscriptionListQuerySchema>;

export interface SubscriptionPage {
  subscriptions: SubscriptionRecord[];
  nextCursor: string | null;
}

const ORDERING = 'subscriptions:created:desc';

/**
 * Every subscription the workflows mirrored, newest first, filtered by provider, plan, status and holder, in keyset
 * pages over subscription(created_at, provider, subscription_id). Bad filters or cursors are an InputError.
 */
export async function listSubscriptions(
  prisma: PrismaClient,
  input: SubscriptionListQueryInput,
): Promise<SubscriptionPage> {
  const { query, after } = parseAdminListInput(subscriptionListQuerySchema, input, 'subscription list query', ORDERING);
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.provider) conditions.push(Prisma.sql`provider = ${query.provider}::billing_provider`);
  if (query.plan) conditions.push(Prisma.sql`plan = ${query.plan}::plan`);
  if (query.status) conditions.push(Prisma.sql`status = ${query.status}::subscription_status`);
  if (query.guild) conditions.push(Prisma.sql`guild_id = ${query.guild}`);
  if (query.user) conditions.push(Prisma.sql`user_id = ${query.user}`);
  if (after) {
    const [provider, ...rest] = after.id.split(':');
    conditions.push(
      Prisma.sql`(created_at, provider, subscription_id) <
                 (${new Date(after.key)}::timestamptz, ${provider}::billing_provider, ${rest.join(':')})`,
    );
  }
  const rows = await prisma.$queryRaw<Subscription[]>`
    SELECT ${SUBSCRIPTION_COLUMNS} FROM subscription
     WHERE ${Prisma.join(conditions, ' AND ')}
     ORDER BY created_at DESC, provider DESC, subscription_id DESC
     LIMIT ${query.limit + 1}`;
  const subscriptions = rows.slice(0, query.limit).map(toSubscriptionRecord);
  const last = subscriptions.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({
          ordering: ORDERING,
          key: last.createdAt.toISOString(),
          id: `${last.provider}:${last.subscriptionId}`,
        })
      : null;
  return { subscriptions, nextCursor };
}
