import type { SubscriptionPolicy } from './definitions.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The defaults: three days of grace after a failed payment, a warning the day before, a daily check. */
export const DEFAULT_SUBSCRIPTION_POLICY: SubscriptionPolicy = {
  gracePeriodMs: 3 * DAY_MS,
  graceWarningMs: DAY_MS,
  reconcileEveryMs: DAY_MS,
};

/** The workflow's policy: the defaults, overridden by what the operator configured for this subscription. */
export function subscriptionPolicy(overrides: Partial<SubscriptionPolicy> = {}): SubscriptionPolicy {
  const policy = { ...DEFAULT_SUBSCRIPTION_POLICY, ...overrides };
  // The warning comes inside the grace period; a longer one would warn before the payment even failed.
  return { ...policy, graceWarningMs: Math.min(policy.graceWarningMs, policy.gracePeriodMs) };
}
