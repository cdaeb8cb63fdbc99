import type { PatreonConfig } from '../../config/billing/patreon-config.ts';
import { isDiscordId } from '../../domain/discord-id.ts';
import { bestPlan, type PlanId } from '../../domain/plans.ts';
import type { ProviderSubscription } from '../../domain/subscription.ts';
import { findIncluded, type JsonApiDocument, relatedIds } from './patreon-client.ts';

/** The best plan the member's currently entitled tiers map to; `free` when none is a Ticketflow tier. */
export function planOfTiers(tierIds: string[], configured: PatreonConfig['tierIds']): PlanId {
  return bestPlan(
    tierIds.flatMap((tierId) =>
      tierId === configured.enterprise ? ['enterprise' as const] : tierId === configured.pro ? ['pro' as const] : [],
    ),
  );
}

/**
 * A campaign member as the workflow mirrors it; the entitlement belongs to the Discord user who linked the
 * Patreon account, who assigns it to guilds. Patreon keeps a cancelled patron (former_patron) on their tiers until
 * the paid period ends, so that is `canceled_at_period_end` until then; a declined charge is past due from its date;
 * someone who never pledged (patron_status null) has no subscription. Amounts are the tier's monthly price.
 */
export function normalisePatreonMember(input: {
  document: JsonApiDocument;
  discordUserId: string;
  config: Pick<PatreonConfig, 'tierIds' | 'currency'>;
  now: number;
}): ProviderSubscription | null {
  const member = input.document.data;
  const attributes = member.attributes ?? {};
  const patronStatus = attributes.patron_status;
  if (patronStatus === null || patronStatus === undefined) return null;
  const cadenceMonths =
    typeof attributes.pledge_cadence === 'number' && attributes.pledge_cadence > 0 ? attributes.pledge_cadence : 1;
  const lastChargeAt = time(attributes.last_charge_date);
  const startedAt = time(attributes.pledge_relationship_start) ?? lastChargeAt;
  const periodStart = lastChargeAt ?? startedAt;
  if (periodStart === null) throw new Error(`Patreon member ${member.id} has neither a charge nor a pledge start`);
  const nextChargeAt = time(attributes.next_charge_date);
  const periodEnd = nextChargeAt ?? addMonths(periodStart, cadenceMonths);
  const base = {
    provider: 'patreon' as const,
    subscriptionId: member.id,
    customerId: relatedIds(member, 'user')[0] ?? null,
    holder: { kind: 'user' as const, userId: input.discordUserId },
    plan: planOfTiers(relatedIds(member, 'currently_entitled_tiers'), input.config.tierIds),
    currentPeriodStart: periodStart,
    currentPeriodEnd: periodEnd,
    trialEnd: null,
    paymentFailedAt: null,
    endedAt: null,
    price: {
      amountMinor:
        typeof attributes.currently_entitled_amount_cents === 'number' ? attributes.currently_entitled_amount_cents : 0,
      currency: input.config.currency,
      interval: 'month' as const,
    },
  };
  switch (patronStatus) {
    case 'active_patron':
      return { ...base, status: 'active' };
    case 'declined_patron':
      return { ...base, status: 'past_due', paymentFailedAt: lastChargeAt ?? periodStart };
    case 'former_patron':
      if (base.plan !== 'free' && periodEnd > input.now) return { ...base, status: 'canceled_at_period_end' };
      return { ...base, status: 'ended', endedAt: Math.min(periodEnd, input.now) };
    default:
      throw new Error(`Patreon member ${member.id} has patron_status ${JSON.stringify(patronStatus)}`);
  }
}

/** The Discord account the patron connected on Patreon itself, when they did. */
export function connectedDiscordUserId(document: JsonApiDocument): string | null {
  const userId = relatedIds(document.data, 'user')[0];
  const user = userId ? findIncluded(document, 'user', userId) : undefined;
  const connections = user?.attributes?.social_connections as { discord?: { user_id?: unknown } | null } | undefined;
  const discordUserId = connections?.discord?.user_id;
  return isDiscordId(discordUserId) ? discordUserId : null;
}

function time(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed)) throw new Error(`Patreon sent ${JSON.stringify(value)} where a date belongs`);
  return parsed;
}

function addMonths(at: number, months: number): number {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}
