import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { billingPagePath } from '../../../../../domain/panel-paths.ts';
import type { PlanId } from '../../lib/admin-api.ts';
import { planNames } from './billing-words.ts';

/**
 * A premium part of the panel the server's plan does not include: what it is, the plan that unlocks it (the API's
 * answer from the operators' catalogue) and the way to the billing page.
 */
export function PremiumLock(props: { guildId: string; what: string; unlockedBy: PlanId | null }) {
  return (
    <p class="premium-lock">
      <span aria-hidden="true">🔒 </span>
      <Show when={props.unlockedBy} fallback={<>{props.what}: not on any plan of this service.</>}>
        {(plan) => (
          <>
            {props.what}: part of the {planNames[plan()]} plan.{' '}
            <A href={billingPagePath(props.guildId)}>See plans and upgrade</A>
          </>
        )}
      </Show>
    </p>
  );
}
