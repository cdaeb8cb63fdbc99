import type { PlanId } from '../../domain/plans.ts';
import {
  type EntitlementHolder,
  type ProviderSubscription,
  subscriptionWorkflowId,
} from '../../domain/subscription.ts';
import type {
  BillingNoticeKind,
  MirroredEntitlement,
  SubscriptionMirror,
  SubscriptionPolicy,
  SubscriptionView,
} from './definitions.ts';

/** What applying the provider's object asks of the world, in the order to do it. */
export type SubscriptionEffect =
  | { kind: 'grant'; subscription: ProviderSubscription; grantsUntil: number }
  | { kind: 'end'; endedAt: number; reason: string }
  | { kind: 'notify'; notice: BillingNoticeKind; key: string; holder: EntitlementHolder; plan: PlanId; at: number };

export function newSubscriptionMirror(): SubscriptionMirror {
  return {
    applied: null,
    seenEventIds: [],
    graceEndsAt: null,
    warnedGraceEnding: false,
    entitlement: null,
    checkedAt: null,
    ended: false,
  };
}

/**
 * Applies the provider's current object, fetched at `now`: the mirror's next state and the effects that bring the
 * entitlement and the guild in line with it. Pure, so that whatever order the webhooks came in, the same provider
 * object at the same time gives the same result. Notice keys are derived from the subscription and the moment the
 * notice is about, so a retried or replayed effect is the same notice.
 */
export function applyProviderSubscription(
  before: SubscriptionMirror,
  current: ProviderSubscription | null,
  now: number,
  policy: SubscriptionPolicy,
): { mirror: SubscriptionMirror; effects: SubscriptionEffect[] } {
  const next: SubscriptionMirror = { ...before, checkedAt: now };
  const changes: SubscriptionEffect[] = [];
  const notices: SubscriptionEffect[] = [];
  const subject = current ?? before.applied;

  const notify = (notice: BillingNoticeKind, at: number, about: number = at) => {
    if (!subject) return;
    const workflowId = subscriptionWorkflowId(subject.provider, subject.subscriptionId);
    notices.push({
      kind: 'notify',
      notice,
      key: `${workflowId}:${notice}:${about}`,
      holder: subject.holder,
      plan: subject.plan,
      at,
    });
  };
  const end = (endedAt: number, reason: string) => {
    // Only what this workflow granted is ended (and announced); an ended one stays as it ended.
    if (before.entitlement?.state !== 'granted') return;
    changes.push({ kind: 'end', endedAt, reason });
    next.entitlement = { state: 'ended', endedAt };
    notify('plan_ended', endedAt);
  };

  if (current === null) {
    end(now, 'the provider no longer has the subscription');
    next.ended = true;
    return { mirror: next, effects: [...changes, ...notices] };
  }
  next.applied = current;

  const previousFailure = before.graceEndsAt === null ? null : before.graceEndsAt - policy.gracePeriodMs;
  // Grace runs from the first failure while unpaid: the provider's later retries that fail again do not extend it.
  const failedAt = current.status === 'past_due' ? (previousFailure ?? current.paymentFailedAt ?? now) : null;
  if (failedAt !== null && previousFailure === null) {
    next.graceEndsAt = failedAt + policy.gracePeriodMs;
    next.warnedGraceEnding = false;
    notify('payment_failed', failedAt);
  } else if (failedAt === null && previousFailure !== null) {
    next.graceEndsAt = null;
    next.warnedGraceEnding = false;
    if (current.status !== 'ended') notify('payment_recovered', now, previousFailure);
  }

  const grant = (grantsUntil: number) => {
    const wanted: MirroredEntitlement = { state: 'granted', plan: current.plan, holder: current.holder, grantsUntil };
    // The grant also records the subscription's row for the panel: any change to the provider's object is written.
    const unchanged = sameJson(before.entitlement, wanted) && sameJson(before.applied, current);
    if (!unchanged) changes.push({ kind: 'grant', subscription: current, grantsUntil });
    next.entitlement = wanted;
  };

  switch (current.status) {
    case 'trialing':
      // A renewing subscription grants through its next charge and the grace a failure of that charge would get.
      grant((current.trialEnd ?? current.currentPeriodEnd) + policy.gracePeriodMs);
      break;
    case 'active':
      grant(current.currentPeriodEnd + policy.gracePeriodMs);
      break;
    case 'canceled_at_period_end':
      if (now < current.currentPeriodEnd) {
        grant(current.currentPeriodEnd);
      } else {
        // The provider may mark it ended a little later; the plan ends exactly when the paid period does.
        end(current.currentPeriodEnd, 'cancelled at the end of its period');
        next.ended = true;
      }
      break;
    case 'past_due': {
      const graceEndsAt = next.graceEndsAt ?? now;
      if (now >= graceEndsAt) {
        // Not over: the provider keeps retrying the payment, and a late success grants again.
        end(graceEndsAt, 'the payment failed and its grace period ran out');
      } else {
        grant(graceEndsAt);
        if (!next.warnedGraceEnding && now >= graceEndsAt - policy.graceWarningMs) {
          next.warnedGraceEnding = true;
          notify('grace_ending', graceEndsAt, failedAt ?? now);
        }
      }
      break;
    }
    case 'ended':
      end(current.endedAt ?? now, 'the subscription ended at the provider');
      next.ended = true;
      break;
  }
  return { mirror: next, effects: [...changes, ...notices] };
}

/** Objects built by the same code from the same data serialise alike: the provider's normaliser, or this module. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The next moment the provider must be asked: a deadline not yet checked, or the daily reconciliation. */
export function nextCheckAt(mirror: SubscriptionMirror, policy: SubscriptionPolicy): number | null {
  if (mirror.ended || mirror.checkedAt === null) return null;
  const checkedAt = mirror.checkedAt;
  const deadlines = [checkedAt + policy.reconcileEveryMs];
  const applied = mirror.applied;
  switch (applied?.status) {
    case 'trialing':
      deadlines.push(applied.trialEnd ?? applied.currentPeriodEnd);
      break;
    case 'active':
    case 'canceled_at_period_end':
      deadlines.push(applied.currentPeriodEnd);
      break;
    case 'past_due':
      if (mirror.graceEndsAt !== null && mirror.entitlement?.state === 'granted') {
        if (!mirror.warnedGraceEnding) deadlines.push(mirror.graceEndsAt - policy.graceWarningMs);
        deadlines.push(mirror.graceEndsAt);
      }
      break;
  }
  return Math.min(...deadlines.filter((deadline) => deadline > checkedAt));
}

export function subscriptionView(
  subscription: { provider: SubscriptionView['provider']; subscriptionId: string },
  mirror: SubscriptionMirror,
): SubscriptionView {
  const applied = mirror.applied;
  return {
    provider: subscription.provider,
    subscriptionId: subscription.subscriptionId,
    status: mirror.ended ? 'ended' : (applied?.status ?? 'unknown'),
    plan: applied?.plan ?? null,
    holder: applied?.holder ?? null,
    currentPeriodEnd: applied?.currentPeriodEnd ?? null,
    graceEndsAt: mirror.graceEndsAt,
  };
}
