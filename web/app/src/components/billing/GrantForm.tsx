import { useSearchParams, useSubmission } from '@solidjs/router';
import { createEffect, createSignal, onMount, Show } from 'solid-js';
import { grantEntitlement } from '../../lib/admin-api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { holderText, planNames } from './billing-words.ts';
import { describedBy, FieldProblem, OtherProblems, problemOf } from './FieldProblems.tsx';

const FIELDS = ['guildId', 'plan', 'endsAt', 'reason'];

/**
 * An operator's manual grant of a paid plan to a server: source `manual`, kept by the entitlement store with the
 * operator and the reason in its audit log. The form carries an id made when it is shown, so a double submission
 * grants once; a new one is made after each grant.
 */
export function GrantForm() {
  const [searchParams] = useSearchParams<{ grantTo?: string }>();
  const granting = useSubmission(grantEntitlement);
  const [grantId, setGrantId] = createSignal('');
  let form: HTMLFormElement | undefined;
  onMount(() => setGrantId(crypto.randomUUID()));
  const outcome = () => granting.result;
  const problems = () => {
    const result = outcome();
    return result && 'problems' in result ? result.problems : undefined;
  };
  const done = () => {
    const result = outcome();
    return result && 'done' in result ? result.done : undefined;
  };
  createEffect(() => {
    if (done()) {
      form?.reset();
      setGrantId(crypto.randomUUID());
    }
  });
  const problem = (path: string) => problemOf(problems(), path);

  return (
    <form action={grantEntitlement} method="post" class="settings-form" aria-labelledby="grant-title" ref={form}>
      <fieldset>
        <legend id="grant-title">Grant a plan</legend>
        <input type="hidden" name="entitlementId" value={grantId()} />
        <OtherProblems problems={problems()} fields={FIELDS} />
        <div class="field">
          <label for="grant-guildId">Server id</label>
          <input
            id="grant-guildId"
            name="guildId"
            required
            inputmode="numeric"
            value={searchParams.grantTo ?? ''}
            {...describedBy('grant-guildId', problem('guildId'))}
          />
          <FieldProblem id="grant-guildId" message={problem('guildId')} />
        </div>
        <div class="field">
          <label for="grant-plan">Plan</label>
          <select id="grant-plan" name="plan" {...describedBy('grant-plan', problem('plan'))}>
            <option value="pro">{planNames.pro}</option>
            <option value="enterprise">{planNames.enterprise}</option>
          </select>
          <FieldProblem id="grant-plan" message={problem('plan')} />
        </div>
        <div class="field">
          <label for="grant-endsAt">Last day (blank: until revoked)</label>
          <input id="grant-endsAt" name="endsOn" type="date" {...describedBy('grant-endsAt', problem('endsAt'))} />
          <FieldProblem id="grant-endsAt" message={problem('endsAt')} />
        </div>
        <div class="field">
          <label for="grant-reason">Reason (kept in the audit log)</label>
          <textarea
            id="grant-reason"
            name="reason"
            required
            minlength="3"
            maxlength="500"
            rows="2"
            {...describedBy('grant-reason', problem('reason'))}
          />
          <FieldProblem id="grant-reason" message={problem('reason')} />
        </div>
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={granting.pending}>
            {granting.pending ? 'Granting…' : 'Grant'}
          </button>
        </div>
        <Show when={done()}>
          {(entitlement) => (
            <p class="notice" role="status">
              Granted {planNames[entitlement().plan]} to {holderText(entitlement().holder)}.
            </p>
          )}
        </Show>
        <Show when={granting.error}>{(error) => <ErrorNotice error={error()} />}</Show>
      </fieldset>
    </form>
  );
}
