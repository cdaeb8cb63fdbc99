import { useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { type BillingNotice, dismissNotice } from '../../lib/billing-api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { LocalTime } from '../LocalTime.tsx';
import { planNames } from './billing-words.ts';

const noticeWords: Record<BillingNotice['kind'], (plan: string) => string> = {
  payment_failed: (plan) =>
    `A payment for the ${plan} plan failed. The plan stays during a short grace period: update the payment method with Manage subscription.`,
  grace_ending: (plan) =>
    `The grace period after a failed payment is running out: the ${plan} plan ends soon unless the payment goes through.`,
  plan_ended: (plan) => `The ${plan} plan ended. The server is back on its next plan, and its limits apply now.`,
  payment_recovered: (plan) => `The payment went through: the ${plan} plan continues.`,
};

/** What the subscription workflows told this server, most recent first, until an admin dismisses it. */
export function BillingNotices(props: { guildId: string; notices: BillingNotice[] }) {
  const dismissing = useSubmission(dismissNotice);
  return (
    <Show when={props.notices.length > 0}>
      <ul class="billing-notices" aria-label="Billing notices">
        <For each={props.notices}>
          {(notice) => (
            <li
              class={notice.kind === 'payment_recovered' ? 'notice' : 'notice notice-error'}
              role={notice.kind === 'payment_recovered' ? 'status' : 'alert'}
            >
              <p>
                <strong>{noticeWords[notice.kind](planNames[notice.plan])}</strong>{' '}
                <span class="muted">
                  (<LocalTime iso={notice.at} />)
                </span>
              </p>
              <form action={dismissNotice.with(props.guildId, notice.id)} method="post">
                <button type="submit" class="button button-quiet">
                  Dismiss
                </button>
              </form>
            </li>
          )}
        </For>
      </ul>
      <Show when={dismissing.error}>{(error) => <ErrorNotice error={error()} />}</Show>
    </Show>
  );
}
