import { Context } from '@temporalio/activity';
import type { ProviderSubscription } from '../../../domain/subscription.ts';
import type { SubscriptionActivities } from '../../../workflows/subscription/definitions.ts';

/** One state of a subscription at the provider, from `from` (server time, ms) until the next one. */
interface ProviderState {
  from: number;
  subscription: ProviderSubscription | null;
}

/**
 * The payment provider, at the edge of the world: what it says about each subscription as time goes by, scripted
 * ahead the way the provider would act (renew at period end, fail a charge, give up after its retries). It answers
 * as of the Temporal server's clock (the fetch's scheduled time), so time skipping moves it along with the workflow.
 * Like a real provider it knows nothing of a subscription it was not given: that is null, as a 404 is.
 */
export class ProviderStandIn {
  readonly #timelines = new Map<string, ProviderState[]>();
  readonly fetches: { subscriptionId: string; at: number }[] = [];

  /** From `from` on, the provider reports `subscription` (null: it no longer has it). */
  at(from: number, subscriptionId: string, subscription: ProviderSubscription | null): this {
    const timeline = this.#timelines.get(subscriptionId) ?? [];
    timeline.push({ from, subscription });
    timeline.sort((a, b) => a.from - b.from);
    this.#timelines.set(subscriptionId, timeline);
    return this;
  }

  /** What the provider says about the subscription at `time`. */
  subscriptionAt(subscriptionId: string, time: number): ProviderSubscription | null {
    const states = (this.#timelines.get(subscriptionId) ?? []).filter((state) => state.from <= time);
    const latest = states.at(-1)?.subscription ?? null;
    // A copy, as each HTTP answer is: the workflow must never share an object with the provider.
    return latest === null ? null : structuredClone(latest);
  }

  fetchCount(subscriptionId: string): number {
    return this.fetches.filter((fetch) => fetch.subscriptionId === subscriptionId).length;
  }

  readonly fetchProviderSubscription: SubscriptionActivities['fetchProviderSubscription'] = async ({
    provider,
    subscriptionId,
  }) => {
    const at = Context.current().info.currentAttemptScheduledTimestampMs;
    this.fetches.push({ subscriptionId, at });
    const subscription = this.subscriptionAt(subscriptionId, at);
    // Another provider's API has never heard of this id.
    return subscription?.provider === provider ? subscription : null;
  };
}
