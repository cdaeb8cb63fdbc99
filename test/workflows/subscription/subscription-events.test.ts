import { describe, expect, it } from 'vitest';
import {
  SubscriptionGuildId,
  SubscriptionPlan,
  SubscriptionProvider,
  SubscriptionStatus,
} from '../../../workflows/search-attributes.ts';
import { eventually } from '../../support/ticket-harness.ts';
import { DAY, entitlementOf, guildId, HOUR, stripeSubscription, subscriptionSuite } from './subscription-harness.ts';

const suite = subscriptionSuite();

describe('provider events reaching a subscription', () => {
  it('an upgrade and a downgrade mid-period regrant the plan the provider says, and the search attributes follow', async () => {
    const env = suite.env();
    await suite.withWorker(async ({ prisma, provider, world, deliver, state, handle }) => {
      const t0 = await env.currentTimeMs();
      const id = 'sub_plan_changes';
      const period: [number, number] = [t0, t0 + 30 * DAY];
      provider
        .at(t0, id, stripeSubscription(id, { status: 'active', plan: 'pro', period }))
        .at(t0 + 5 * DAY + 5 * HOUR, id, stripeSubscription(id, { status: 'active', plan: 'enterprise', period }))
        .at(t0 + 12 * DAY + 10 * HOUR, id, stripeSubscription(id, { status: 'active', plan: 'pro', period }));

      await deliver(id, 'evt_created', 'customer.subscription.created');
      await eventually(async () => expect((await state(id)).plan).toBe('pro'));
      await env.sleep(5 * DAY + 5 * HOUR);
      await deliver(id, 'evt_upgrade');
      // Search attributes follow once the grant is done; the query shows the mirror at once.
      await eventually(async () =>
        expect((await handle(id).describe()).typedSearchAttributes.get(SubscriptionPlan)).toBe('enterprise'),
      );
      await env.sleep(7 * DAY + 5 * HOUR);
      await deliver(id, 'evt_downgrade');
      await eventually(async () =>
        expect((await handle(id).describe()).typedSearchAttributes.get(SubscriptionPlan)).toBe('pro'),
      );

      expect(await state(id)).toMatchObject({ status: 'active', plan: 'pro', currentPeriodEnd: t0 + 30 * DAY });
      expect(world.grantsOf(id).map((grant) => [grant.subscription.plan, grant.grantsUntil])).toEqual([
        ['pro', t0 + 33 * DAY],
        ['enterprise', t0 + 33 * DAY],
        ['pro', t0 + 33 * DAY],
      ]);
      expect(world.endsOf(id)).toEqual([]);
      const entitlement = await entitlementOf(prisma, id);
      expect(entitlement).toMatchObject({ plan: 'pro', endedReason: null });
      expect(entitlement.audits.map((audit) => audit.action)).toEqual(['grant', 'plan_change', 'plan_change']);
      const attributes = (await handle(id).describe()).typedSearchAttributes;
      expect(attributes.get(SubscriptionProvider)).toBe('stripe');
      expect(attributes.get(SubscriptionGuildId)).toEqual([guildId]);
      expect(attributes.get(SubscriptionPlan)).toBe('pro');
      expect(attributes.get(SubscriptionStatus)).toBe('active');
    });
  });

  it('duplicated and out-of-order events end in the same state as one in-order delivery', async () => {
    const env = suite.env();
    await suite.withWorker(async ({ prisma, provider, world, deliver, state, handle }) => {
      const t0 = await env.currentTimeMs();
      const paid: [number, number] = [t0 + DAY + 5 * HOUR, t0 + 31 * DAY + 5 * HOUR];
      for (const id of ['sub_in_order', 'sub_shuffled']) {
        provider
          .at(
            t0,
            id,
            stripeSubscription(id, { status: 'trialing', period: [t0, t0 + 14 * DAY], trialEnd: t0 + 14 * DAY }),
          )
          .at(paid[0], id, stripeSubscription(id, { status: 'active', plan: 'pro', period: paid }))
          .at(
            t0 + 2 * DAY + 10 * HOUR,
            id,
            stripeSubscription(id, { status: 'active', plan: 'enterprise', period: paid }),
          )
          .at(
            t0 + 3 * DAY + 15 * HOUR,
            id,
            stripeSubscription(id, { status: 'canceled_at_period_end', plan: 'enterprise', period: paid }),
          );
      }

      await deliver('sub_in_order', 'evt_1', 'customer.subscription.created');
      await deliver('sub_shuffled', 'evt_1', 'customer.subscription.created');
      await env.sleep(DAY + 5 * HOUR);
      await deliver('sub_in_order', 'evt_2', 'invoice.paid');
      await env.sleep(DAY + 5 * HOUR);
      await deliver('sub_in_order', 'evt_3');
      // The shuffled one: evt_2 comes a day late, after evt_3, and evt_1 comes again.
      await deliver('sub_shuffled', 'evt_3');
      await deliver('sub_shuffled', 'evt_2', 'invoice.paid');
      await deliver('sub_shuffled', 'evt_1', 'customer.subscription.created');
      await env.sleep(DAY + 5 * HOUR);
      await deliver('sub_in_order', 'evt_4');
      await deliver('sub_shuffled', 'evt_4');
      await deliver('sub_shuffled', 'evt_4');
      await deliver('sub_shuffled', 'evt_3');
      await env.sleep(HOUR);

      const inOrder = await state('sub_in_order');
      const shuffled = await state('sub_shuffled');
      expect(inOrder).toMatchObject({
        status: 'canceled_at_period_end',
        plan: 'enterprise',
        currentPeriodEnd: paid[1],
      });
      expect({ ...shuffled, subscriptionId: inOrder.subscriptionId }).toEqual(inOrder);
      expect(world.grantsOf('sub_shuffled').at(-1)?.grantsUntil).toBe(paid[1]);
      expect(world.grantsOf('sub_in_order').at(-1)?.grantsUntil).toBe(paid[1]);

      // A redelivery of an event already taken does not even ask the provider.
      const fetches = provider.fetchCount('sub_shuffled');
      await deliver('sub_shuffled', 'evt_2', 'invoice.paid');
      await env.sleep(HOUR);
      expect(provider.fetchCount('sub_shuffled')).toBe(fetches);

      // One after the other: each result() unlocks time skipping until it returns, and both end at period end.
      const endedInOrder = await handle('sub_in_order').result();
      const endedShuffled = await handle('sub_shuffled').result();
      expect({ ...endedShuffled, subscriptionId: endedInOrder.subscriptionId }).toEqual(endedInOrder);
      expect(world.endsOf('sub_in_order').map((end) => end.endedAt)).toEqual([paid[1]]);
      expect(world.endsOf('sub_shuffled').map((end) => end.endedAt)).toEqual([paid[1]]);
      const [inOrderRow, shuffledRow] = await Promise.all([
        entitlementOf(prisma, 'sub_in_order'),
        entitlementOf(prisma, 'sub_shuffled'),
      ]);
      const comparable = (row: typeof inOrderRow) => ({ plan: row.plan, endsAt: row.endsAt, ended: row.endedReason });
      expect(comparable(shuffledRow)).toEqual(comparable(inOrderRow));
      expect(inOrderRow).toMatchObject({ plan: 'enterprise', endsAt: new Date(paid[1]) });
    });
  });

  it('continues as new at each period and keeps what it knew: seen events, the grace period, the warning sent', async () => {
    const env = suite.env();
    await suite.withWorker(async ({ provider, world, deliver, state, handle }) => {
      const t0 = await env.currentTimeMs();
      const id = 'sub_continued';
      const unpaid: [number, number] = [t0 + 30 * DAY, t0 + 60 * DAY];
      provider
        .at(t0, id, stripeSubscription(id, { status: 'active', period: [t0, t0 + 30 * DAY] }))
        .at(
          t0 + 30 * DAY,
          id,
          stripeSubscription(id, { status: 'past_due', period: unpaid, paymentFailedAt: t0 + 30 * DAY }),
        );

      await deliver(id, 'evt_created', 'customer.subscription.created');
      await eventually(async () => expect((await state(id)).status).toBe('active'));
      const firstRunId = (await handle(id).describe()).runId;
      await env.sleep(30 * DAY + HOUR);

      const continued = await handle(id).describe();
      expect(continued.runId).not.toBe(firstRunId);
      const firstRun = await env.client.workflow.getHandle(handle(id).workflowId, firstRunId).fetchHistory();
      expect(firstRun.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes).toBeTruthy();
      expect(continued.typedSearchAttributes.get(SubscriptionStatus)).toBe('past_due');
      expect(continued.typedSearchAttributes.get(SubscriptionGuildId)).toEqual([guildId]);
      expect(await state(id)).toMatchObject({ status: 'past_due', graceEndsAt: t0 + 33 * DAY });

      const fetches = provider.fetchCount(id);
      await deliver(id, 'evt_created', 'customer.subscription.created');
      await env.sleep(HOUR);
      expect(provider.fetchCount(id)).toBe(fetches);

      await env.sleep(2 * DAY + 23 * HOUR);
      expect(world.noticesOf(id).map((notice) => notice.kind)).toEqual([
        'payment_failed',
        'grace_ending',
        'plan_ended',
      ]);
      expect(world.endsOf(id).map((end) => end.endedAt)).toEqual([t0 + 33 * DAY]);
      expect((await handle(id).describe()).runId).toBe(continued.runId);
    });
  });
});
