import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordWebhookDelivery } from '../../../store/webhook-deliveries.ts';
import { startWebSystem, type WebSystem } from '../support/web-system.ts';

/**
 * The operators' health API without a Temporal to ask (the web system's client never connects): it says so rather
 * than failing, and still lists the webhooks refused in the last day. (The browser test reads the pollers of a
 * real worker.)
 */
let system: WebSystem;

beforeAll(async () => {
  system = await startWebSystem();
});

afterAll(async () => {
  await system?.close();
});

describe('the health API', () => {
  it('says Temporal did not answer, and counts the refused webhooks of the last day by provider and reason', async () => {
    for (let delivery = 0; delivery < 2; delivery += 1) {
      await recordWebhookDelivery(system.db.prisma, {
        provider: 'stripe',
        outcome: 'refused',
        refusal: { reason: 'bad_signature', detail: 'No signatures found matching the expected signature' },
      });
    }
    await recordWebhookDelivery(system.db.prisma, {
      provider: 'patreon',
      outcome: 'accepted',
      event: { eventId: 'evt_1', type: 'members:update', subscriptionId: 'member_1' },
    });
    const { cookie } = await system.signIn(system.operatorId);
    const response = await system.request('/api/v1/admin/health', { cookie });
    expect(response.status).toBe(200);
    const health = (await response.json()) as {
      workers: unknown;
      temporalError: string | null;
      refusedWebhooks: { provider: string; reason: string; count: number }[];
    };
    expect(health.workers).toBeNull();
    expect(health.temporalError).toMatch(/Temporal did not answer/);
    expect(health.refusedWebhooks.map(({ provider, reason, count }) => ({ provider, reason, count }))).toEqual([
      { provider: 'stripe', reason: 'bad_signature', count: 2 },
    ]);
  });
});
