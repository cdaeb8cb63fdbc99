import { useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { actOnTicket } from '../../lib/ticket-api.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';

/** What the ticket answered to the latest action taken on this page, or why it refused, in the workflow's words. */
export function TicketActionOutcome() {
  const latest = useSubmission(actOnTicket);
  return (
    <>
      <div role="status" class="action-outcome">
        <Show when={!latest.pending && latest.result}>{(message) => <p class="notice">{message()}</p>}</Show>
      </div>
      <Show when={!latest.pending && latest.error}>{(error) => <ErrorNotice error={error()} />}</Show>
    </>
  );
}
