import { action, json, query } from '@solidjs/router';
import type { PlanId, Provider, SubscriptionStatus } from './admin-api.ts';
import { readJson, send } from './api.ts';

/** A guild's billing page (routes/guilds/[guildId]/billing.tsx), as the API (web/server/routes/billing/) answers it. */

export type PlanFeature = 'stats' | 'exports' | 'customBot' | 'customDomain';
export type PlanLimits = {
  ticketsPerMonth: number | null;
  transcriptRetentionDays: number;
  ticketTypes: number;
  guildsPerEntitlement: number;
  features: Record<PlanFeature, boolean>;
};
export type BillingGrant = {
  id: string;
  plan: PlanId;
  source: Provider | 'manual';
  via: 'guild' | 'assignment';
  startsAt: string;
  endsAt: string | null;
  subscription: {
    provider: Provider;
    subscriptionId: string;
    status: SubscriptionStatus;
    currentPeriodEnd: string;
    trialEnd: string | null;
    paymentFailedAt: string | null;
    price: { amountMinor: number; currency: string; interval: 'month' | 'year' };
  } | null;
};
export type BillingNotice = {
  id: string;
  kind: 'payment_failed' | 'grace_ending' | 'plan_ended' | 'payment_recovered';
  plan: PlanId;
  at: string;
};
export type GuildBilling = {
  plan: PlanId;
  limits: PlanLimits;
  usage: { monthStart: string; monthEnd: string; ticketsOpened: number; ticketTypes: number };
  grants: BillingGrant[];
  notices: BillingNotice[];
  plans: { id: PlanId; limits: PlanLimits }[];
  unlocks: Record<PlanFeature, PlanId | null>;
  /** The providers this service takes payments through, in the order to offer them. */
  providers: Provider[];
};

const billingPath = (guildId: string) => `/api/v1/guilds/${encodeURIComponent(guildId)}/billing`;

/** The guild's plan, usage and subscriptions; null when the viewer is not one of its admins (or it is not theirs). */
export const getGuildBilling = query(
  (guildId: string): Promise<GuildBilling | null> => readJson<GuildBilling>(billingPath(guildId)),
  'guildBilling',
);

/** Sends the browser to the page the provider answered with: its checkout, or its management of the subscription. */
async function follow(response: Response): Promise<never> {
  const { url } = (await response.json()) as { url: string };
  window.location.assign(url);
  // The page is leaving; nothing here is to be refreshed meanwhile.
  return new Promise<never>(() => {});
}

export const startCheckout = action(
  async (guildId: string, provider: Provider, plan: Exclude<PlanId, 'free'>) =>
    follow(await send(`${billingPath(guildId)}/checkout`, 'POST', { provider, plan })),
  'startCheckout',
);

export const manageSubscription = action(
  async (guildId: string, provider: Provider, subscriptionId: string) =>
    follow(await send(`${billingPath(guildId)}/manage`, 'POST', { provider, subscriptionId })),
  'manageSubscription',
);

/** Cancels at the end of the period paid for; the page then says when the plan ends. */
export const cancelSubscription = action(async (guildId: string, provider: Provider, subscriptionId: string) => {
  await send(`${billingPath(guildId)}/cancel`, 'POST', { provider, subscriptionId });
  return json(null, { revalidate: getGuildBilling.keyFor(guildId) });
}, 'cancelSubscription');

export const dismissNotice = action(async (guildId: string, noticeId: string) => {
  await send(`${billingPath(guildId)}/notices/${encodeURIComponent(noticeId)}/dismiss`, 'POST');
  return json(null, { revalidate: getGuildBilling.keyFor(guildId) });
}, 'dismissNotice');
