import type { REST } from '@discordjs/rest';
import type { BillingProviders } from '../../billing/index.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import type { SubscriptionActivities } from '../../workflows/subscription/definitions.ts';
import type { NoticeSettings } from '../discord/notices/format.ts';
import { createEntitlementActivities } from './entitlement-activities.ts';
import { fetchProviderSubscription } from './fetch-provider-subscription.ts';
import { notifyBilling } from './notify-billing.ts';

/** Every side effect of the subscription workflow: the providers, the entitlements in Postgres, Discord. */
export function createSubscriptionActivities(deps: {
  prisma: PrismaClient;
  providers: BillingProviders;
  discordRest: REST;
  notices?: NoticeSettings;
}): SubscriptionActivities {
  return {
    fetchProviderSubscription: fetchProviderSubscription(deps.providers),
    ...createEntitlementActivities(deps.prisma),
    notifyBilling: notifyBilling({ prisma: deps.prisma, rest: deps.discordRest, settings: deps.notices }),
  };
}
