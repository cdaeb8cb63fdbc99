import type { SearchAttributePair } from '@temporalio/common';
import {
  SubscriptionGuildId,
  SubscriptionPlan,
  SubscriptionProvider,
  SubscriptionStatus,
} from '../search-attributes.ts';
import type { SubscriptionView } from './definitions.ts';

/** The search attributes a subscription in this state carries; a plan or guild not known yet is left out. */
export function subscriptionSearchAttributesOf(view: SubscriptionView): SearchAttributePair[] {
  const pairs: SearchAttributePair[] = [
    { key: SubscriptionProvider, value: view.provider },
    { key: SubscriptionStatus, value: view.status },
  ];
  if (view.plan !== null) pairs.push({ key: SubscriptionPlan, value: view.plan });
  if (view.holder?.kind === 'guild') pairs.push({ key: SubscriptionGuildId, value: [view.holder.guildId] });
  return pairs;
}
