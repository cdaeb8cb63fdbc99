import { type BillingProvider, WebhookRefused } from '../../../billing/provider.ts';
import type { ProviderEvent } from '../../../domain/subscription.ts';
import type { PrismaClient } from '../../../prisma/client.ts';
import { recordWebhookDelivery } from '../../../store/webhook-deliveries.ts';
import { ApiError } from '../http/api-error.ts';
import type { DeliveryOutcome } from './provider-event-delivery.ts';

/** What the route answers a delivery it took: 200 in both cases. */
export type WebhookAnswer = { outcome: 'accepted' } | { outcome: 'ignored' };

/** A delivery that was not verified: 400, so that a genuine sender sees why; nothing reached Temporal. */
export const webhookRefused = (refusal: WebhookRefused) =>
  new ApiError(400, 'webhook_refused', `The webhook was refused: ${refusal.message}.`);

/** Temporal could not take the event in time: 503, which every provider delivers again later. */
export const webhookUnavailable = () =>
  new ApiError(503, 'unavailable', 'The subscription service cannot take this event now; deliver it again later.');

/**
 * One webhook delivery, start to end: verified by its provider over the raw body, recorded whatever comes of it
 * (refused with the reason only, never the body or a header), and a verified subscription event handed to its
 * workflow. Accepted only once Temporal has the signal. The same event delivered again is signalled again and the
 * workflow, which deduplicates by event id, takes it once; so any number of deliveries, in any order, are safe.
 */
export async function takeWebhook(
  input: {
    provider: BillingProvider;
    rawBody: Buffer;
    headers: Record<string, string | string[] | undefined>;
  },
  services: { prisma: PrismaClient; deliver(event: ProviderEvent): Promise<DeliveryOutcome> },
): Promise<WebhookAnswer> {
  const provider = input.provider.name;
  let event: ProviderEvent | null;
  try {
    event = await input.provider.verifyWebhook({ rawBody: input.rawBody, headers: input.headers });
  } catch (error) {
    if (!(error instanceof WebhookRefused)) throw error;
    await recordWebhookDelivery(services.prisma, {
      provider,
      outcome: 'refused',
      refusal: { reason: error.reason, detail: error.message },
    });
    throw webhookRefused(error);
  }
  if (event === null) {
    await recordWebhookDelivery(services.prisma, { provider, outcome: 'ignored' });
    return { outcome: 'ignored' };
  }
  const delivered = await services.deliver(event);
  await recordWebhookDelivery(services.prisma, {
    provider,
    outcome: delivered === 'delivered' ? 'accepted' : 'unavailable',
    event,
  });
  if (delivered === 'unreachable') throw webhookUnavailable();
  return { outcome: 'accepted' };
}
