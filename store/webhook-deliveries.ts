import type { BillingProviderName } from '../domain/subscription.ts';
import type { PrismaClient, WebhookDeliveryOutcome } from '../prisma/client.ts';

/**
 * One webhook delivery and what came of it. Only what the provider module read after verifying it, or why it was
 * refused: never the body, a header or a secret (a refused body's claims are not to be believed, nor kept).
 */
export type WebhookDeliveryRecord = { provider: BillingProviderName } & (
  | {
      outcome: Exclude<WebhookDeliveryOutcome, 'ignored' | 'refused'>;
      event: { eventId: string; type: string; subscriptionId: string };
    }
  | { outcome: 'ignored' }
  | { outcome: 'refused'; refusal: { reason: string; detail: string } }
);

/** Appends the delivery; each delivery is its own row, so a redelivered event is counted as often as it came. */
export async function recordWebhookDelivery(prisma: PrismaClient, delivery: WebhookDeliveryRecord): Promise<void> {
  await prisma.webhookDelivery.create({
    data: {
      provider: delivery.provider,
      outcome: delivery.outcome,
      ...('event' in delivery && {
        eventId: delivery.event.eventId,
        eventType: delivery.event.type,
        subscriptionId: delivery.event.subscriptionId,
      }),
      ...('refusal' in delivery && {
        refusalReason: delivery.refusal.reason,
        refusalDetail: delivery.refusal.detail,
      }),
    },
  });
}

export interface RefusedWebhooks {
  provider: BillingProviderName;
  reason: string;
  count: number;
  lastAt: Date;
}

/** Refused deliveries since `since` by provider and reason, most first: the admin panel's webhook health. */
export async function refusedWebhooksSince(prisma: PrismaClient, since: Date): Promise<RefusedWebhooks[]> {
  const groups = await prisma.webhookDelivery.groupBy({
    by: ['provider', 'refusalReason'],
    where: { outcome: 'refused', receivedAt: { gte: since } },
    _count: { _all: true },
    _max: { receivedAt: true },
  });
  return groups
    .map((group) => ({
      provider: group.provider,
      reason: group.refusalReason ?? 'unknown',
      count: group._count._all,
      lastAt: group._max.receivedAt ?? since,
    }))
    .sort((a, b) => b.count - a.count || a.provider.localeCompare(b.provider));
}
