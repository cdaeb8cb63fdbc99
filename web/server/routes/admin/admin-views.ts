import { z } from 'zod';
import { PLAN_IDS } from '../../../../domain/plans.ts';
import { BILLING_PROVIDERS, ENTITLEMENT_SOURCES, SUBSCRIPTION_STATUSES } from '../../../../domain/subscription.ts';

/** What the admin API answers, as the operators' pages read it; times are ISO 8601 in UTC. */

export const holderView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('guild'), guildId: z.string() }),
  z.object({ kind: z.literal('user'), userId: z.string() }),
]);

export const entitlementView = z.object({
  id: z.string(),
  holder: holderView,
  plan: z.enum(PLAN_IDS),
  source: z.enum(ENTITLEMENT_SOURCES),
  subscription: z.object({ provider: z.enum(BILLING_PROVIDERS), subscriptionId: z.string() }).nullable(),
  startsAt: z.date(),
  endsAt: z.date().nullable(),
  endedReason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.date(),
});

export const subscriptionView = z.object({
  provider: z.enum(BILLING_PROVIDERS),
  subscriptionId: z.string(),
  customerId: z.string().nullable(),
  holder: holderView,
  plan: z.enum(PLAN_IDS),
  status: z.enum(SUBSCRIPTION_STATUSES),
  startedAt: z.date(),
  currentPeriodStart: z.date(),
  currentPeriodEnd: z.date(),
  trialEnd: z.date().nullable(),
  paymentFailedAt: z.date().nullable(),
  price: z.object({ amountMinor: z.number(), currency: z.string(), interval: z.enum(['month', 'year']) }),
  canceledAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const nextCursor = z.string().nullable();
