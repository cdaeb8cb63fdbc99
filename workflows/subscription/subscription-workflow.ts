import type { SearchAttributePair } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import { searchAttributeChanges } from '../ticket/search-attributes.ts';
import {
  providerEventSignal,
  type SubscriptionView,
  type SubscriptionWorkflowInput,
  subscriptionStateQuery,
} from './definitions.ts';
import { applyProviderSubscription, newSubscriptionMirror, nextCheckAt, subscriptionView } from './mirror.ts';
import { subscriptionPolicy } from './policy.ts';
import { subscriptionSearchAttributesOf } from './search-attributes.ts';
import { rememberEventId } from './seen-events.ts';
import { fetchCurrentSubscription, performEffects } from './steps.ts';

/** A run continues as new at this history length even within one period (many webhooks in a long period). */
const CONTINUE_AS_NEW_AFTER_EVENTS = 5_000;

/**
 * One provider subscription, mirrored: the provider charges, this workflow follows. Every new webhook (a signal,
 * taken once by its event id) and every deadline (trial or period end, the grace period's warning and end, the
 * daily reconciliation) makes it ask the provider for the subscription as it is now and apply that, never an
 * event's snapshot, so the order webhooks arrive in does not matter. It grants, extends and ends the entitlement
 * and tells the guild through activities, continues as new at each new period, and completes once the
 * subscription and its entitlement have ended.
 */
export async function subscriptionWorkflow(input: SubscriptionWorkflowInput): Promise<SubscriptionView> {
  const ref = { provider: input.provider, subscriptionId: input.subscriptionId };
  const policy = subscriptionPolicy(input.policy);
  let mirror = input.carried ?? newSubscriptionMirror();
  // A new subscription asks the provider at once; a continued one was up to date when it continued.
  let refreshWanted = input.carried === undefined;
  const view = () => subscriptionView(ref, mirror);

  wf.setHandler(
    providerEventSignal,
    (event) => {
      if (event.provider !== ref.provider || event.subscriptionId !== ref.subscriptionId) {
        wf.log.warn('a provider event for another subscription was ignored', { ...ref, event });
        return;
      }
      if (rememberEventId(mirror.seenEventIds, event.eventId)) refreshWanted = true;
    },
    { description: 'A verified webhook or checkout return: ask the provider for the subscription and apply it.' },
  );
  wf.setHandler(subscriptionStateQuery, view, { description: 'The subscription as the workflow mirrors it now.' });

  let published: SearchAttributePair[] = input.carried ? subscriptionSearchAttributesOf(view()) : [];
  const publish = () => {
    const current = subscriptionSearchAttributesOf(view());
    const changes = searchAttributeChanges(published, current);
    if (changes.length > 0) wf.upsertSearchAttributes(changes);
    published = current;
    const v = view();
    const until =
      mirror.entitlement?.state === 'granted' ? new Date(mirror.entitlement.grantsUntil).toISOString() : '-';
    wf.setCurrentDetails(
      `**Subscription** ${v.provider} ${v.subscriptionId}: ${v.status}, ${v.plan ?? 'no plan'}, grants until ${until}`,
    );
  };

  let periodOfRun = mirror.applied?.currentPeriodStart ?? null;
  const newPeriod = () => {
    const start = mirror.applied?.currentPeriodStart ?? null;
    if (periodOfRun === null) periodOfRun = start;
    return start !== periodOfRun;
  };
  const historyIsLong = () => {
    const info = wf.workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= CONTINUE_AS_NEW_AFTER_EVENTS;
  };

  for (;;) {
    if (refreshWanted) {
      refreshWanted = false;
      const current = await fetchCurrentSubscription(ref);
      const applied = applyProviderSubscription(mirror, current, Date.now(), policy);
      mirror = applied.mirror;
      await performEffects(ref, applied.effects);
      publish();
      continue;
    }
    if (mirror.ended) break;
    if (newPeriod() || historyIsLong()) {
      // Signals are taken synchronously and every effect is done: nothing is left behind in this run.
      return wf.makeContinueAsNewFunc<typeof subscriptionWorkflow>({
        typedSearchAttributes: subscriptionSearchAttributesOf(view()),
      })({ ...input, carried: mirror });
    }
    const checkAt = nextCheckAt(mirror, policy);
    const wait = checkAt === null ? 0 : checkAt - Date.now();
    if (wait <= 0 || !(await wf.condition(() => refreshWanted, wait, { summary: 'next check with the provider' }))) {
      refreshWanted = true;
    }
  }
  return view();
}
