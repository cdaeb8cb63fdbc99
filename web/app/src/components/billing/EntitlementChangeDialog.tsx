import { useSubmission } from '@solidjs/router';
import { createEffect, on, Show, untrack } from 'solid-js';
import { type AdminEntitlement, extendEntitlement, revokeEntitlement } from '../../lib/admin-api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { holderText, planNames } from './billing-words.ts';
import { describedBy, FieldProblem, OtherProblems, problemOf } from './FieldProblems.tsx';

export type EntitlementChange = { entitlement: AdminEntitlement; kind: 'extend' | 'revoke' };

/**
 * Extending or revoking one manual entitlement, in a dialog that names it: the revoke button there is the
 * confirmation, and both need a reason for the audit log. It closes when the change is done.
 */
export function EntitlementChangeDialog(props: { change: EntitlementChange | undefined; onClose: () => void }) {
  let dialog: HTMLDialogElement | undefined;
  const extending = useSubmission(extendEntitlement);
  const revoking = useSubmission(revokeEntitlement);
  const submission = () => (props.change?.kind === 'revoke' ? revoking : extending);
  const problems = () => {
    const result = submission().result;
    return result && 'problems' in result ? result.problems : undefined;
  };
  const problem = (path: string) => problemOf(problems(), path);

  // Opening for another entitlement starts afresh: an earlier change's problems are not this one's.
  createEffect(
    on(
      () => props.change,
      (change) => {
        if (!change) return dialog?.close();
        untrack(() => submission().clear());
        dialog?.showModal();
      },
    ),
  );
  createEffect(() => {
    const result = submission().result;
    if (result && 'done' in result) props.onClose();
  });

  return (
    <dialog ref={dialog} aria-labelledby="change-title" class="close-dialog" onClose={() => props.onClose()}>
      <Show when={props.change}>
        {(change) => (
          <form
            action={(change().kind === 'revoke' ? revokeEntitlement : extendEntitlement).with(change().entitlement.id)}
            method="post"
            class="settings-form"
          >
            <h2 id="change-title">
              {change().kind === 'revoke' ? 'Revoke' : 'Extend'} {planNames[change().entitlement.plan]} of{' '}
              {holderText(change().entitlement.holder)}
            </h2>
            <OtherProblems problems={problems()} fields={['endsAt', 'reason']} />
            <Show when={change().kind === 'extend'}>
              <div class="field">
                <label for="change-endsAt">New last day (blank: until revoked)</label>
                <input
                  id="change-endsAt"
                  name="endsOn"
                  type="date"
                  {...describedBy('change-endsAt', problem('endsAt'))}
                />
                <FieldProblem id="change-endsAt" message={problem('endsAt')} />
              </div>
            </Show>
            <Show when={change().kind === 'revoke'}>
              <p>It stops granting now; the server falls back to its next best plan.</p>
            </Show>
            <div class="field">
              <label for="change-reason">Reason (kept in the audit log)</label>
              <textarea
                id="change-reason"
                name="reason"
                required
                minlength="3"
                maxlength="500"
                rows="2"
                {...describedBy('change-reason', problem('reason'))}
              />
              <FieldProblem id="change-reason" message={problem('reason')} />
            </div>
            <div class="action-row">
              <button
                type="submit"
                class={change().kind === 'revoke' ? 'button button-danger' : 'button button-primary'}
                disabled={submission().pending}
              >
                {change().kind === 'revoke' ? 'Revoke it' : 'Extend it'}
              </button>
              <button type="button" class="button" onClick={() => props.onClose()}>
                Cancel
              </button>
            </div>
            <Show when={submission().error}>{(error) => <ErrorNotice error={error()} />}</Show>
          </form>
        )}
      </Show>
    </dialog>
  );
}
