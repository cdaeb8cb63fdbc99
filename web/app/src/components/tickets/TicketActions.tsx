import { useSubmission } from '@solidjs/router';
import { createEffect, Show } from 'solid-js';
import { actOnTicket, type TicketDetail } from '../../lib/ticket-api.ts';

/**
 * Every staff action the bot offers, for an open ticket: each button is the ticket workflow's own update, sent as
 * the signed-in staff member. What the ticket answered is shown by TicketActionOutcome, which stays when a close
 * makes these actions go.
 */
export function TicketActions(props: { guildId: string; ticket: TicketDetail; viewerId: string }) {
  let closeDialog: HTMLDialogElement | undefined;
  let replyForm: HTMLFormElement | undefined;
  const act = (name: Parameters<typeof actOnTicket>[2]) => actOnTicket.with(props.guildId, props.ticket.number, name);
  const replying = useSubmission(actOnTicket, ([, , name]) => name === 'reply');
  createEffect(() => {
    if (replying.result !== undefined) replyForm?.reset();
  });
  const closing = useSubmission(actOnTicket, ([, , name]) => name === 'close');
  createEffect(() => {
    if (closing.result !== undefined || closing.error !== undefined) closeDialog?.close();
  });

  return (
    <section aria-labelledby="actions-title" class="ticket-actions">
      <h2 id="actions-title">Actions</h2>
      <div class="action-row">
        <Show when={props.ticket.assigneeId !== props.viewerId}>
          <form action={act('claim')} method="post">
            <button type="submit" class="button">
              Claim
            </button>
          </form>
        </Show>
        <Show when={props.ticket.assigneeId}>
          <form action={act('unassign')} method="post">
            <button type="submit" class="button">
              Unassign
            </button>
          </form>
        </Show>
        <Show
          when={props.ticket.timerState === 'running'}
          fallback={
            <form action={act('resume-timer')} method="post">
              <button type="submit" class="button">
                Resume timer
              </button>
            </form>
          }
        >
          <form action={act('pause-timer')} method="post">
            <button type="submit" class="button">
              Pause timer
            </button>
          </form>
        </Show>
        <Show when={props.ticket.timerState !== 'disabled'}>
          <form action={act('disable-timer')} method="post">
            <button type="submit" class="button">
              Turn timer off
            </button>
          </form>
        </Show>
        <button type="button" class="button button-danger" onClick={() => closeDialog?.showModal()}>
          Close ticket…
        </button>
      </div>
      <form action={act('members')} method="post" class="inline-form">
        <label>
          Add a member (Discord id)
          <input name="memberId" required inputmode="numeric" pattern="\d{17,20}" />
        </label>
        <button type="submit" class="button">
          Add member
        </button>
      </form>
      <form action={act('reply')} method="post" class="reply-form" ref={replyForm}>
        <label for="reply-content">Reply as staff (posted in the thread by the bot, signed with your name)</label>
        <textarea id="reply-content" name="content" required maxlength="1800" rows="3" />
        <button type="submit" class="button button-primary" disabled={replying.pending}>
          {replying.pending ? 'Sending…' : 'Send reply'}
        </button>
      </form>
      <dialog ref={closeDialog} aria-labelledby="close-title" class="close-dialog">
        <form action={act('close')} method="post">
          <h2 id="close-title">Close ticket #{props.ticket.number}</h2>
          <label for="close-reason">Reason (shown in the summary and the transcript)</label>
          <textarea id="close-reason" name="reason" maxlength="500" rows="3" />
          <div class="action-row">
            <button type="submit" class="button button-danger" disabled={closing.pending}>
              {closing.pending ? 'Closing…' : 'Close ticket'}
            </button>
            <button type="button" class="button" onClick={() => closeDialog?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
