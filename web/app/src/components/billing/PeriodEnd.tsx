import { useSubmission } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import type { PlanId } from '../../lib/admin-api.ts';
import { type BillingGrant, cancelSubscription, type GuildBilling, manageSubscription } from '../../lib/billing-api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { LocalTime } from '../LocalTime.tsx';
import { money, planNames, providerNames } from './billing-words.ts';

/** The plan the server keeps when this grant stops: the best of the others that outlast it, else Free. */
function planAfter(billing: GuildBilling, grant: BillingGrant): PlanId {
  const end = grant.endsAt === null ? Number.POSITIVE_INFINITY : new Date(grant.endsAt).getTime();
  const order = billing.plans.map((plan) => plan.id);
  return billing.grants
    .filter((other) => other.id !== grant.id && (other.endsAt === null || new Date(other.endsAt).getTime() > end))
    .map((other) => other.plan)
    .reduce<PlanId>((best, plan) => (order.indexOf(plan) > order.indexOf(best) ? plan : best), 'free');
}

/** One grant: where it comes from, what happens at its period's end, and (a subscription) manage or cancel. */
function Grant(props: { guildId: string; billing: GuildBilling; grant: BillingGrant }) {
  let confirm: HTMLDialogElement | undefined;
  const subscription = () => props.grant.subscription;
  const cancelling = useSubmission(
    cancelSubscription,
    ([, , subscriptionId]) => subscriptionId === subscription()?.subscriptionId,
  );
  const managing = useSubmission(manageSubscription);
  const after = () => planNames[planAfter(props.billing, props.grant)];
  return (
    <li class="grant">
      <p>
        <strong>{planNames[props.grant.plan]}</strong>{' '}
        <Show
          when={subscription()}
          fallback={
            <>
              granted by the service's operators
              <Show when={props.grant.endsAt} fallback={<>, with no end date.</>}>
                {(endsAt) => (
                  <>
                    {' '}
                    until <LocalTime iso={endsAt()} />; then this server is on {after()}.
                  </>
                )}
              </Show>
            </>
          }
        >
          {(paid) => (
            <>
              through {providerNames[paid().provider]}
              {props.grant.via === 'assignment' ? ' (a member’s subscription given to this server)' : ''},{' '}
              {money(paid().price.amountMinor, paid().price.currency)} a {paid().price.interval}.{' '}
              <Switch>
                <Match when={paid().status === 'trialing'}>
                  The trial ends <LocalTime iso={paid().trialEnd ?? paid().currentPeriodEnd} />; the first payment is
                  taken then.
                </Match>
                <Match when={paid().status === 'active'}>
                  It renews on <LocalTime iso={paid().currentPeriodEnd} />.
                </Match>
                <Match when={paid().status === 'past_due'}>
                  <span class="status-bad">
                    The last payment failed
                    <Show when={paid().paymentFailedAt}>
                      {(at) => (
                        <>
                          {' '}
                          on <LocalTime iso={at()} />
                        </>
                      )}
                    </Show>
                    .
                  </span>{' '}
                  The plan stays while the provider retries; if no payment goes through, this server moves to {after()}.
                </Match>
                <Match when={paid().status === 'canceled_at_period_end'}>
                  It was cancelled: the plan stays until <LocalTime iso={paid().currentPeriodEnd} />, then this server
                  is on {after()}.
                </Match>
                <Match when={paid().status === 'ended'}>It has ended.</Match>
              </Switch>
            </>
          )}
        </Show>
      </p>
      <Show when={props.grant.via === 'guild' ? subscription() : undefined}>
        {(paid) => (
          <div class="action-row">
            <form action={manageSubscription.with(props.guildId, paid().provider, paid().subscriptionId)} method="post">
              <button type="submit" class="button" disabled={managing.pending}>
                Manage subscription
              </button>
            </form>
            <Show when={paid().status === 'active' || paid().status === 'trialing' || paid().status === 'past_due'}>
              <button type="button" class="button button-danger" onClick={() => confirm?.showModal()}>
                Cancel subscription…
              </button>
              <dialog ref={confirm} aria-labelledby={`cancel-${paid().subscriptionId}`} class="close-dialog">
                <form
                  action={cancelSubscription.with(props.guildId, paid().provider, paid().subscriptionId)}
                  method="post"
                  onSubmit={() => confirm?.close()}
                >
                  <h2 id={`cancel-${paid().subscriptionId}`}>Cancel the {planNames[props.grant.plan]} plan?</h2>
                  <p>
                    Nothing more is charged. The plan stays until <LocalTime iso={paid().currentPeriodEnd} />, then this
                    server is on {after()}.
                  </p>
                  <div class="action-row">
                    <button type="submit" class="button button-danger">
                      Cancel at period end
                    </button>
                    <button type="button" class="button" onClick={() => confirm?.close()}>
                      Keep it
                    </button>
                  </div>
                </form>
              </dialog>
            </Show>
          </div>
        )}
      </Show>
      <Show when={cancelling.error ?? managing.error}>{(error) => <ErrorNotice error={error()} />}</Show>
    </li>
  );
}

/** What gives this server its plan, and what happens when each period ends. */
export function PeriodEnd(props: { guildId: string; billing: GuildBilling }) {
  return (
    <Show
      when={props.billing.grants.length > 0}
      fallback={<p>Free needs no payment and never ends. Upgrade below for higher limits.</p>}
    >
      <ul class="grants" aria-label="What gives this plan">
        <For each={props.billing.grants}>
          {(grant) => <Grant guildId={props.guildId} billing={props.billing} grant={grant} />}
        </For>
      </ul>
    </Show>
  );
}
