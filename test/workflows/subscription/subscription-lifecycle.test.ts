import { describe, expect, it } from 'vitest';
import { eventually } from '../../support/ticket-harness.ts';
import { DAY, entitlementOf, guildId, HOUR, stripeSubscription, subscriptionSuite } from './subscription-harness.ts';

const suite = subscriptionSuite();
const MINUTE = 60_000;

describe('a subscription from trial to its end', () => {
  it('trial, active, renewal, a failed payment, past due, grace running out: the entitlement ends', async () => {
    const env = suite.env();
    await suite.withWorker(async ({ prisma, provider, world, deliver, handle }) => {
      const t0 = await env.currentTimeMs();
      const id = 'sub_lifecycle';
      provider
        .at(t0, id, stripeSubscription(id, { status: 'trialing', period: [t0, t0 + 7 * DAY], trialEnd: t0 + 7 * DAY }))
        .at(t0 + 7 * DAY, id, stripeSubscription(id, { status: 'active', period: [t0 + 7 * DAY, t0 + 37 * DAY] }))
        .at(t0 + 37 * DAY, id, stripeSubscription(id, { status: 'active', period: [t0 + 37 * DAY, t0 + 67 * DAY] }))
        .at(
          t0 + 67 * DAY,
          id,
          stripeSubscription(id, {
            status: 'past_due',
            period: [t0 + 67 * DAY, t0 + 97 * DAY],
            paymentFailedAt: t0 + 67 * DAY,
          }),
        )
        // The provider gives up retrying the charge a few days after the grace period ran out.
        .at(
          t0 + 80 * DAY,
          id,
          stripeSubscription(id, {
            status: 'ended',
            period: [t0 + 67 * DAY, t0 + 97 * DAY],
            endedAt: t0 + 80 * DAY,
          }),
        );

      await deliver(id, 'evt_created', 'customer.subscription.created');
      const firstRunId = (await handle(id).describe()).runId;
      const result = await handle(id).result();

      expect(result).toMatchObject({ status: 'ended', plan: 'pro', holder: { kind: 'guild', guildId } });
      // Each renewal and the failed charge are found by the workflow's own timers, with no webhook.
      expect(world.grantsOf(id).map((grant) => [grant.subscription.status, grant.grantsUntil - t0])).toEqual([
        ['trialing', 10 * DAY],
        ['active', 40 * DAY],
        ['active', 70 * DAY],
        ['past_due', 70 * DAY],
      ]);
      const [ended] = world.endsOf(id);
      expect(world.endsOf(id)).toHaveLength(1);
      expect(ended?.endedAt).toBe(t0 + 70 * DAY);
      expect(ended?.reason).toMatch(/grace period ran out/);
      expect(Math.abs((ended?.calledAt ?? 0) - (t0 + 70 * DAY))).toBeLessThan(MINUTE);
      expect(world.noticesOf(id).map((notice) => [notice.kind, notice.at - t0])).toEqual([
        ['payment_failed', 67 * DAY],
        ['grace_ending', 70 * DAY],
        ['plan_ended', 70 * DAY],
      ]);
      const entitlement = await entitlementOf(prisma, id);
      expect(entitlement).toMatchObject({ guildId, plan: 'pro', source: 'stripe' });
      expect(entitlement.endsAt?.getTime()).toBe(t0 + 70 * DAY);
      expect(entitlement.endedReason).toMatch(/grace period ran out/);
      expect(entitlement.audits.map((audit) => audit.action)).toEqual(['grant', 'extend', 'extend', 'end']);
      const warning = world.noticesOf(id)[1];
      expect(Math.abs((warning?.calledAt ?? 0) - (t0 + 69 * DAY))).toBeLessThan(MINUTE);
      // The workflow completed once the provider ended it, after the daily reconciliation noticed.
      const description = await handle(id).describe();
      expect(description.status.name).toBe('COMPLETED');
      expect(description.runId).not.toBe(firstRunId);
      const closedAt = description.closeTime?.getTime() ?? Number.NaN;
      expect(closedAt).toBeGreaterThanOrEqual(t0 + 80 * DAY);
      expect(closedAt).toBeLessThanOrEqual(t0 + 81 * DAY);
    });
  });

  it('a payment recovered inside the grace period keeps the entitlement', async () => {
    const env = suite.env();
    await suite.withWorker(async ({ prisma, provider, world, deliver, state, handle }) => {
      const t0 = await env.currentTimeMs();
      const id = 'sub_recovered';
      const unpaid = { period: [t0 + 30 * DAY, t0 + 60 * DAY] as [number, number] };
      provider
        .at(t0, id, stripeSubscription(id, { status: 'active', period: [t0, t0 + 30 * DAY] }))
        .at(
          t0 + 30 * DAY,
          id,
          stripeSubscription(id, { status: 'past_due', ...unpaid, paymentFailedAt: t0 + 30 * DAY }),
        )
        .at(t0 + 31 * DAY + 6 * HOUR, id, stripeSubscription(id, { status: 'active', ...unpaid }))
        // Ended by the provider later on (the guild left), so the workflow completes rather than being terminated.
        .at(t0 + 40 * DAY, id, stripeSubscription(id, { status: 'ended', ...unpaid, endedAt: t0 + 40 * DAY }));

      await deliver(id, 'evt_created', 'customer.subscription.created');
      await env.sleep(31 * DAY + 6 * HOUR);
      await deliver(id, 'evt_paid', 'invoice.paid');
      await eventually(async () => expect((await state(id)).status).toBe('active'));
      // Past the day the grace period would have run out.
      await env.sleep(5 * DAY);

      expect(await state(id)).toMatchObject({ status: 'active', graceEndsAt: null, currentPeriodEnd: t0 + 60 * DAY });
      expect(world.endsOf(id)).toEqual([]);
      expect(world.grantsOf(id).map((grant) => [grant.subscription.status, grant.grantsUntil - t0])).toEqual([
        ['active', 33 * DAY],
        ['past_due', 33 * DAY],
        ['active', 63 * DAY],
      ]);
      expect(world.noticesOf(id).map((notice) => notice.kind)).toEqual(['payment_failed', 'payment_recovered']);
      const entitlement = await entitlementOf(prisma, id);
      expect(entitlement.endsAt?.getTime()).toBe(t0 + 63 * DAY);
      expect(entitlement.endedReason).toBeNull();
      expect((await handle(id).result()).status).toBe('ended');
    });
  });

  it('a cancel at period end ends the entitlement exactly at period end', async () => {
    const env = suite.env();
    await suite.withWorker(async ({ prisma, provider, world, deliver, state, handle }) => {
      const t0 = await env.currentTimeMs();
      const id = 'sub_cancelled';
      const period: [number, number] = [t0, t0 + 30 * DAY];
      provider
        .at(t0, id, stripeSubscription(id, { status: 'active', period }))
        .at(t0 + 10 * DAY + 5 * HOUR, id, stripeSubscription(id, { status: 'canceled_at_period_end', period }))
        // The provider marks it ended a while after the period ended; the entitlement does not wait for that.
        .at(t0 + 30 * DAY + 2 * HOUR, id, stripeSubscription(id, { status: 'ended', period, endedAt: t0 + 30 * DAY }));

      await deliver(id, 'evt_created', 'customer.subscription.created');
      await env.sleep(10 * DAY + 5 * HOUR);
      await deliver(id, 'evt_cancel', 'customer.subscription.updated');
      await eventually(async () => expect((await state(id)).status).toBe('canceled_at_period_end'));
      expect(world.grantsOf(id).at(-1)?.grantsUntil).toBe(t0 + 30 * DAY);

      const result = await handle(id).result();
      expect(result.status).toBe('ended');
      const [ended] = world.endsOf(id);
      expect(world.endsOf(id)).toHaveLength(1);
      expect(ended?.endedAt).toBe(t0 + 30 * DAY);
      expect(Math.abs((ended?.calledAt ?? 0) - (t0 + 30 * DAY))).toBeLessThan(MINUTE);
      expect(world.noticesOf(id).map((notice) => [notice.kind, notice.at])).toEqual([['plan_ended', t0 + 30 * DAY]]);
      const entitlement = await entitlementOf(prisma, id);
      expect(entitlement.endsAt?.getTime()).toBe(t0 + 30 * DAY);
      expect(entitlement.endedReason).toMatch(/cancelled at the end of its period/);
    });
  });
});
