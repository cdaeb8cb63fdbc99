import type { BillingProviderName } from '../../../domain/subscription.ts';
import type { PrismaClient } from '../../../prisma/client.ts';
import { ApiError } from '../http/api-error.ts';
import { providerDisplayName } from './billing-services.ts';

/** A subscription by its provider's name and id. */
export interface GuildSubscriptionRef {
  provider: BillingProviderName;
  subscriptionId: string;
}

export interface GuildSubscription extends GuildSubscriptionRef {
  currentPeriodEnd: Date;
}

/**
 * The guild's own subscriptions that have not ended, newest first, from the mirror the subscription workflows keep
 * (store/entitlements); `named` narrows them to one.
 */
function liveSubscriptions(
  prisma: PrismaClient,
  guildId: string,
  named?: GuildSubscriptionRef,
): Promise<GuildSubscription[]> {
  return prisma.subscription.findMany({
    where: { guildId, status: { not: 'ended' }, ...named },
    select: { provider: true, subscriptionId: true, currentPeriodEnd: true },
    orderBy: { createdAt: 'desc' },
  });
}

/**
 * The subscription a manage or cancel request is about: the one named, which must be the guild's and live, or
 * else the guild's only live one. Another guild's is not found, as one that does not exist.
 */
export async function guildSubscription(
  prisma: PrismaClient,
  guildId: string,
  named: GuildSubscriptionRef | undefined,
): Promise<GuildSubscription> {
  const [only, other] = await liveSubscriptions(prisma, guildId, named);
  if (!only) {
    throw named
      ? new ApiError(404, 'subscription_not_found', 'This server has no such live subscription.')
      : new ApiError(404, 'no_subscription', 'This server has no paid subscription.');
  }
  if (other) {
    throw new ApiError(
      409,
      'several_subscriptions',
      'This server has several live subscriptions: say which one (provider and subscriptionId).',
    );
  }
  return only;
}

/** A second subscription would charge twice for one guild: change the plan through the live one instead. */
export async function refuseSecondSubscription(prisma: PrismaClient, guildId: string): Promise<void> {
  const [live] = await liveSubscriptions(prisma, guildId);
  if (live) {
    throw new ApiError(
      409,
      'already_subscribed',
      `This server already pays through ${providerDisplayName(live.provider)}: change its plan or cancel it from Manage subscription.`,
    );
  }
}
