import { z } from 'zod';
import { planIdSchema } from '../../domain/plans.ts';
import {
  BILLING_PROVIDERS,
  type BillingProviderName,
  type ProviderSubscription,
  SUBSCRIPTION_STATUSES,
  subscriptionWorkflowId,
} from '../../domain/subscription.ts';
import type { EntitlementAuditAction, Prisma, PrismaClient, Subscription } from '../../prisma/client.ts';
import { TRANSACTION_OPTIONS } from '../transaction-options.ts';
import { auditChange } from './entitlement-audit.ts';
import {
  type EntitlementChange,
  type EntitlementRecord,
  entitlementHolderSchema,
  holderColumns,
  sameHolder,
  systemActor,
  toEntitlementRecord,
} from './entitlement-record.ts';
import { unassignAllInTransaction } from './guild-assignments.ts';
import { LOCK_SPACES, lockKey } from './locks.ts';
import { parseInput } from './parse-input.ts';

/** Epoch milliseconds within what a Date holds. */
const epochMs = z.number().int().min(0).max(8.64e15);
const subscriptionIdSchema = z.string().min(1).max(255);

const providerSubscriptionSchema = z
  .object({
    provider: z.enum(BILLING_PROVIDERS),
    subscriptionId: subscriptionIdSchema,
    customerId: z.string().min(1).max(255).nullable(),
    holder: entitlementHolderSchema,
    plan: planIdSchema,
    status: z.enum(SUBSCRIPTION_STATUSES),
    currentPeriodStart: epochMs,
    currentPeriodEnd: epochMs,
    trialEnd: epochMs.nullable(),
    paymentFailedAt: epochMs.nullable(),
    endedAt: epochMs.nullable(),
    price: z.object({
      amountMinor: z.number().int().min(0).max(2_147_483_647),
      // Stripe says `usd`, PayPal `USD`: stored upper case, as ISO 4217 writes it.
      currency: z
        .string()
        .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 currency code')
        .transform((code) => code.toUpperCase()),
      interval: z.enum(['month', 'year']),
    }),
  })
  .refine((subscription) => subscription.currentPeriodEnd >= subscription.currentPeriodStart, {
    path: ['currentPeriodEnd'],
    message: 'must not be before currentPeriodStart',
  });

const grantSchema = z.object({ subscription: providerSubscriptionSchema, grantsUntil: epochMs });

const endSchema = z.object({
  provider: z.enum(BILLING_PROVIDERS),
  subscriptionId: subscriptionIdSchema,
  endedAt: epochMs,
  reason: z.string().trim().min(1).max(500),
});

export interface EndProviderEntitlementInput {
  provider: BillingProviderName;
  subscriptionId: string;
  endedAt: number;
  reason: string;
}

/**
 * Creates or updates the entitlement of one provider subscription (keyed by provider and subscription id) so it
 * grants the subscription's plan to its holder until `grantsUntil`, and mirrors the subscription for the panel, in
 * one transaction with the audit row. The same call again changes nothing and writes no audit row. A grant after
 * the entitlement ended (a reactivated subscription) opens it again; a new holder takes it with no assignments.
 */
export async function grantProviderEntitlement(
  prisma: PrismaClient,
  input: { subscription: ProviderSubscription; grantsUntil: number },
  now: Date = new Date(),
): Promise<EntitlementChange> {
  const { subscription, grantsUntil } = parseInput(grantSchema, input, 'entitlement grant');
  const actor = systemActor(subscription.provider);
  const reason =
    `${subscription.provider} subscription ${subscription.subscriptionId} is ${subscription.status} on ` +
    `${subscription.plan}, granted until ${new Date(grantsUntil).toISOString()}`;
  return prisma.$transaction(async (tx) => {
    await lockSubscription(tx, subscription.provider, subscription.subscriptionId);
    await mirrorSubscription(tx, subscription, now);
    const stored = await tx.entitlement.findUnique({
      where: {
        subscriptionProvider_subscriptionId: {
          subscriptionProvider: subscription.provider,
          subscriptionId: subscription.subscriptionId,
        },
      },
    });
    if (!stored) {
      const created = await tx.entitlement.create({
        data: {
          ...holderColumns(subscription.holder),
          plan: subscription.plan,
          source: subscription.provider,
          subscriptionProvider: subscription.provider,
          subscriptionId: subscription.subscriptionId,
          startsAt: new Date(Math.min(subscription.currentPeriodStart, grantsUntil)),
          endsAt: new Date(grantsUntil),
          createdBy: actor,
        },
      });
      return auditChange(tx, { before: null, row: created, action: 'grant', actor, reason });
    }
    const before = toEntitlementRecord(stored);
    // The CHECK keeps ends_at at or after starts_at; a grant ending earlier still ends it at once.
    const endsAt = new Date(Math.max(grantsUntil, before.startsAt.getTime()));
    const holderChanged = !sameHolder(before.holder, subscription.holder);
    const action = grantAction(before, { holderChanged, plan: subscription.plan, endsAt }, now);
    if (action === null) return { entitlement: before, action: null };
    if (holderChanged) {
      await unassignAllInTransaction(tx, before.id, actor, `the subscription moved to another holder: ${reason}`);
    }
    const updated = await tx.entitlement.update({
      where: { id: before.id },
      data: {
        ...holderColumns(subscription.holder),
        plan: subscription.plan,
        endsAt,
        endedReason: null,
      },
    });
    return auditChange(tx, { before, row: updated, action, actor, reason });
  }, TRANSACTION_OPTIONS);
}

/**
 * How a grant changes a stored entitlement, named by its most telling part; null when it changes nothing. An ended
 * entitlement is opened again by a grant past `now`, and left as it ended by any other: a late grant (a retry that
 * outlived its attempt) about the past rewrites no history.
 */
function grantAction(
  before: EntitlementRecord,
  next: { holderChanged: boolean; plan: EntitlementRecord['plan']; endsAt: Date },
  now: Date,
): EntitlementAuditAction | null {
  const ended = before.endedReason !== null || (before.endsAt !== null && before.endsAt <= now);
  if (ended) return next.endsAt > now ? 'grant' : null;
  if (next.holderChanged) return 'grant';
  const endMoved = before.endsAt?.getTime() !== next.endsAt.getTime();
  if (before.plan !== next.plan) return 'plan_change';
  if (!endMoved) return null;
  return before.endsAt === null || next.endsAt > before.endsAt ? 'extend' : 'shorten';
}

/**
 * Ends a subscription's entitlement at `endedAt`, or leaves it ending earlier if it already does: ends_at only ever
 * moves earlier here, never later, and never before the entitlement starts. The mirror says the subscription ended.
 * Null when the subscription never had an entitlement; the same call again changes nothing and audits nothing.
 */
export async function endProviderEntitlement(
  prisma: PrismaClient,
  input: EndProviderEntitlementInput,
  now: Date = new Date(),
): Promise<EntitlementChange | null> {
  const { provider, subscriptionId, endedAt, reason } = parseInput(endSchema, input, 'entitlement end');
  const actor = systemActor(provider);
  return prisma.$transaction(async (tx) => {
    await lockSubscription(tx, provider, subscriptionId);
    const stored = await tx.entitlement.findUnique({
      where: { subscriptionProvider_subscriptionId: { subscriptionProvider: provider, subscriptionId } },
    });
    const before = stored ? toEntitlementRecord(stored) : null;
    const endsAt = before ? endedEndsAt(before, endedAt) : new Date(endedAt);
    await markMirrorEnded(tx, provider, subscriptionId, endsAt, now);
    if (!before) return null;
    if (before.endedReason !== null && before.endsAt?.getTime() === endsAt.getTime()) {
      return { entitlement: before, action: null };
    }
    const updated = await tx.entitlement.update({
      where: { id: before.id },
      data: { endsAt, endedReason: before.endedReason ?? reason },
    });
    return auditChange(tx, { before, row: updated, action: 'end', actor, reason });
  }, TRANSACTION_OPTIONS);
}

function endedEndsAt(before: EntitlementRecord, endedAt: number): Date {
  const earliest = Math.min(before.endsAt?.getTime() ?? Number.POSITIVE_INFINITY, endedAt);
  return new Date(Math.max(earliest, before.startsAt.getTime()));
}

/**
 * Serialises the writes of one subscription, including its first, when there is no row yet to lock: a retried
 * activity that overlaps the attempt it replaces then finds that attempt's rows instead of racing it.
 */
function lockSubscription(
  tx: Prisma.TransactionClient,
  provider: BillingProviderName,
  subscriptionId: string,
): Promise<void> {
  return lockKey(tx, LOCK_SPACES.subscription, subscriptionWorkflowId(provider, subscriptionId));
}

type ParsedSubscription = z.output<typeof providerSubscriptionSchema>;
type MirrorColumns = Omit<Subscription, 'provider' | 'subscriptionId' | 'createdAt' | 'updatedAt'>;

/** Writes what the provider says into the mirror row, only when something differs (updated_at stays honest). */
async function mirrorSubscription(
  tx: Prisma.TransactionClient,
  subscription: ParsedSubscription,
  now: Date,
): Promise<void> {
  const key = { provider: subscription.provider, subscriptionId: subscription.subscriptionId };
  const stored = await tx.subscription.findUnique({ where: { provider_subscriptionId: key } });
  const periodStart = new Date(subscription.currentPeriodStart);
  const ended = subscription.status === 'ended';
  const columns: MirrorColumns = {
    customerId: subscription.customerId,
    ...holderColumns(subscription.holder),
    plan: subscription.plan,
    status: subscription.status,
    startedAt: stored && stored.startedAt < periodStart ? stored.startedAt : periodStart,
    currentPeriodStart: periodStart,
    currentPeriodEnd: new Date(subscription.currentPeriodEnd),
    trialEnd: dateOrNull(subscription.trialEnd),
    paymentFailedAt: dateOrNull(subscription.paymentFailedAt),
    priceAmountMinor: subscription.price.amountMinor,
    priceCurrency: subscription.price.currency,
    priceInterval: subscription.price.interval,
    // When we first saw the cancellation: providers disagree on whether and how they say it.
    canceledAt:
      subscription.status === 'canceled_at_period_end' || ended ? (stored?.canceledAt ?? (ended ? null : now)) : null,
    endedAt: subscription.endedAt !== null ? new Date(subscription.endedAt) : ended ? (stored?.endedAt ?? now) : null,
  };
  if (!stored) {
    await tx.subscription.create({ data: { ...key, ...columns } });
  } else if (differs(stored, columns)) {
    await tx.subscription.update({ where: { provider_subscriptionId: key }, data: columns });
  }
}

async function markMirrorEnded(
  tx: Prisma.TransactionClient,
  provider: BillingProviderName,
  subscriptionId: string,
  endedAt: Date,
  now: Date,
): Promise<void> {
  const key = { provider, subscriptionId };
  const stored = await tx.subscription.findUnique({ where: { provider_subscriptionId: key } });
  if (!stored) return;
  const columns = { status: endedAt <= now ? ('ended' as const) : stored.status, endedAt };
  if (differs(stored, columns))
    await tx.subscription.update({ where: { provider_subscriptionId: key }, data: columns });
}

function dateOrNull(epochMilliseconds: number | null): Date | null {
  return epochMilliseconds === null ? null : new Date(epochMilliseconds);
}

function differs<Row extends object>(stored: Row, columns: Partial<Row>): boolean {
  return Object.entries(columns).some(([column, value]) => {
    const current = stored[column as keyof Row] as unknown;
    if (current instanceof Date && value instanceof Date) return current.getTime() !== value.getTime();
    return current !== value;
  });
}
