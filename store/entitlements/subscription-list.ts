import { z } from 'zod';
import { type PlanId, planIdSchema } from '../../domain/plans.ts';
import { snowflake } from '../../domain/snowflake.ts';
import {
  BILLING_PROVIDERS,
  type BillingProviderName,
  type EntitlementHolder,
  SUBSCRIPTION_STATUSES,
  type SubscriptionStatus,
} from '../../domain/subscription.ts';
import { Prisma, type PrismaClient } from '../../prisma/client.ts';
import { encodeCursor } from '../keyset-cursor.ts';
import { adminPageFields, parseAdminListInput } from './admin-list-input.ts';
import { holderOf } from './entitlement-record.ts';

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

/** A subscription as the provider last described it (the mirror), for the admin pages. */
export interface SubscriptionRecord {
  provider: BillingProviderName;
  subscriptionId: string;
  customerId: string | null;
  holder: EntitlementHolder;
  plan: PlanId;
  status: SubscriptionStatus;
  startedAt: Date;
  currentPeriodStart: Date;
  currentPeriodEnd: Date;
  trialEnd: Date | null;
  paymentFailedAt: Date | null;
  price: { amountMinor: number; currency: string; interval: 'month' | 'year' };
  /** What it brings a month, in minor units: a yearly price divided by 12. */
  monthlyAmountMinor: number;
  canceledAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SubscriptionPage {
  subscriptions: SubscriptionRecord[];
  nextCursor: string | null;
}

const ORDERING = 'subscriptions:created:desc';

interface SubscriptionRow {
  provider: BillingProviderName;
  subscription_id: string;
  customer_id: string | null;
  guild_id: string | null;
  user_id: string | null;
  plan: PlanId;
  status: SubscriptionStatus;
  started_at: Date;
  current_period_start: Date;
  current_period_end: Date;
  trial_end: Date | null;
  payment_failed_at: Date | null;
  price_amount_minor: number;
  price_currency: string;
  price_interval: 'month' | 'year';
  canceled_at: Date | null;
  ended_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

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
  const rows = await prisma.$queryRaw<SubscriptionRow[]>`
    SELECT * FROM subscription
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

function toSubscriptionRecord(row: SubscriptionRow): SubscriptionRecord {
  return {
    provider: row.provider,
    subscriptionId: row.subscription_id,
    customerId: row.customer_id,
    holder: holderOf({ guildId: row.guild_id, userId: row.user_id }),
    plan: row.plan,
    status: row.status,
    startedAt: row.started_at,
    currentPeriodStart: row.current_period_start,
    currentPeriodEnd: row.current_period_end,
    trialEnd: row.trial_end,
    paymentFailedAt: row.payment_failed_at,
    price: { amountMinor: row.price_amount_minor, currency: row.price_currency, interval: row.price_interval },
    monthlyAmountMinor: row.price_interval === 'year' ? row.price_amount_minor / 12 : row.price_amount_minor,
    canceledAt: row.canceled_at,
    endedAt: row.ended_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
