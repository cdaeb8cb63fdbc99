import type { FastifyBaseLogger } from 'fastify';
import type { BillingProvider, CompletedCheckout } from '../../../billing/provider.ts';
import { isDiscordId } from '../../../domain/discord-id.ts';
import { billingPagePath } from '../../../domain/panel-paths.ts';
import type { BillingProviderName, ProviderEvent } from '../../../domain/subscription.ts';
import type { BillingServices } from './billing-services.ts';

/** The query parameter of the return URL naming the guild whose billing page the buyer goes back to. */
const GUILD_PARAMETER = 'guild';

/**
 * Where the provider sends a buyer back after checkout; the provider adds its own parameters to it. Patreon's is
 * its OAuth redirect URI, which must be exactly the one registered with Patreon, so it carries no guild.
 */
export function checkoutReturnPath(provider: BillingProviderName, guildId: string): string {
  if (provider === 'patreon') return '/billing/return/patreon';
  return `/billing/return/${provider}?${new URLSearchParams({ [GUILD_PARAMETER]: guildId })}`;
}

/**
 * What the billing page says about the checkout the buyer comes back from: `complete` (the subscription's workflow
 * has it), `pending` (paid, but confirmed later: the provider's webhook brings it), `incomplete` (the provider
 * knows no completed checkout there).
 */
export type CheckoutReturnState = 'complete' | 'pending' | 'incomplete';

/** The checkout return's own event: one id per checkout, so a reload of the return page is the same event. */
function checkoutReturnEvent(provider: BillingProviderName, completed: CompletedCheckout, now: number): ProviderEvent {
  return {
    provider,
    eventId: `checkout-return:${completed.checkoutId}`,
    type: 'checkout.returned',
    subscriptionId: completed.subscriptionId,
    occurredAt: now,
  };
}

/**
 * A buyer back from the provider's checkout: asks the provider which subscription it completed (never the query's
 * word) and signals that subscription's workflow, so the plan changes without waiting for the webhook. Answers
 * where to send the browser: the guild's billing page saying how it went. The webhook comes anyway, so a provider
 * or Temporal that fails here delays the change, and the page says it is pending.
 */
export async function returnFromCheckout(
  input: { provider: BillingProvider; query: Record<string, string>; now: number },
  billing: BillingServices,
  log: FastifyBaseLogger,
): Promise<string> {
  const hintedGuild = input.query[GUILD_PARAMETER];
  const pageOf = (guildId: string | null | undefined, state: CheckoutReturnState) =>
    guildId && isDiscordId(guildId) ? `${billingPagePath(guildId)}?checkout=${state}` : `/guilds?checkout=${state}`;
  let completed: CompletedCheckout | null;
  try {
    completed = await input.provider.completeCheckout(input.query);
  } catch (error) {
    log.error({ err: error, provider: input.provider.name }, 'reading a completed checkout failed');
    return pageOf(hintedGuild, 'pending');
  }
  if (!completed) return pageOf(hintedGuild, 'incomplete');
  const guildId = completed.guildId ?? hintedGuild;
  const outcome = await billing
    .deliver(checkoutReturnEvent(input.provider.name, completed, input.now))
    .catch((error: unknown) => {
      log.error({ err: error, provider: input.provider.name }, 'signalling a completed checkout failed');
      return 'unreachable' as const;
    });
  return pageOf(guildId, outcome === 'delivered' ? 'complete' : 'pending');
}
