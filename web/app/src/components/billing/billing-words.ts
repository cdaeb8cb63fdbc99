import type { Holder, PlanId, Provider, SubscriptionStatus } from '../../lib/admin-api.ts';

/** How the billing and admin pages name plans, providers and states. */

export const planNames: Record<PlanId, string> = { free: 'Free', pro: 'Pro', enterprise: 'Enterprise' };

export const providerNames: Record<Provider | 'manual', string> = {
  stripe: 'Stripe',
  paypal: 'PayPal',
  patreon: 'Patreon',
  manual: 'Manual grant',
};

export const statusNames: Record<SubscriptionStatus, string> = {
  trialing: 'Trial',
  active: 'Active',
  past_due: 'Payment failed',
  canceled_at_period_end: 'Ends at period end',
  ended: 'Ended',
};

export function holderText(holder: Holder): string {
  return holder.kind === 'guild' ? `server ${holder.guildId}` : `user ${holder.userId}`;
}

/** An amount in minor units (cents) of an ISO currency; one locale, so the server's page and the browser's agree. */
export function money(amountMinor: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}
