import { useSubmission } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { actOnTicket, type TicketDetail } from '../../lib/ticket-api.ts';

/** An assignment change that takes the ticket from whoever holds it, waiting for the viewer's confirmation. */
type TakeOver = { name: 'claim' | 'unassign' } | { name: 'assign'; assigneeId: string };

const assigneeOf = (change: TakeOver): string | null => (change.name === 'assign' ? change.assigneeId : null);

/** The timer's reason is shown beside it and in `/ticket list`: the bot's modal takes up to 300 characters. */
const TIMER_REASON_MAX = 300;

/**
 * Every staff action the bot offers, for an open ticket: each button is the ticket workflow's own update, sent as
 * the signed-in staff member. What the ticket answered is shown by TicketActionOutcome, which stays when a close
 * makes these actions go. A ticket someone else holds changes hands only once the viewer confirms the take-over, as
 * with the bot's Take over button.
 */
export function TicketActions(props: {
  guildId: string;
  ticket: TicketDetail;
  viewerId: string;
  nameOf: (id: string) => string;
}) {
  let closeDialog: HTMLDialogElement | undefined;
  let takeOverDialog: HTMLDialogElement | undefined;
  let timerDialog: HTMLDialogElement | undefined;
  let replyForm: HTMLFormElement | undefined;
  let assignForm: HTMLFormElement | undefined;
  const [takeOver, setTakeOver] = createSignal<TakeOver | null>(null);
  const holder = () => props.ticket.assigneeId;
  const heldByAnother = () => holder() !== null && holder() !== props.viewerId;
  const confirmTakeOver = (change: TakeOver) => {
    setTakeOver(change);
    takeOverDialog?.showModal();
  };
  const act = (name: Parameters<typeof actOnTicket>[2]) => actOnTicket.with(props.guildId, props.ticket.number, name);
  const replying = useSubmission(actOnTicket, ([, , name]) => name === 'reply');
  createEffect(() => {
    if (replying.result !== undefined) replyForm?.reset();
  });
  const closing = useSubmission(actOnTicket, ([, , name]) => name === 'close');
  createEffect(() => {
    if (closing.result !== undefined || closing.error !== undefined) closeDialog?.close();
  });
  const takingOver = useSubmission(actOnTicket, ([, , , fields]) => fields.get('takeOver') === 'true');
  createEffect(() => {
    if (takingOver.result !== undefined || takingOver.error !== undefined) {
      takeOverDialog?.close();
      assignForm?.reset();
    }
  });
  const assigning = useSubmission(actOnTicket, ([, , name]) => name === 'assign');
  createEffect(() => {
    if (assigning.result !== undefined) assignForm?.reset();
  });
  const timerOff = useSubmission(actOnTicket, ([, , name]) => name === 'disable-timer');
  createEffect(() => {
    if (timerOff.result !== undefined || timerOff.error !== undefined) timerDialog?.close();
  });

  return (
    <section aria-labelledby="actions-title" class="ticket-actions">
      <h2 id="actions-title">Actions</h2>
      <div class="action-row">
        <Show when={holder() === null}>
          <form action={act('claim')} method="post">
            <button type="submit" class="button">
              Claim
            </button>
          </form>
        </Show>
        <Show when={heldByAnother()}>
          <button type="button" class="button" onClick={() => confirmTakeOver({ name: 'claim' })}>
            Take over…
          </button>
        </Show>
        <Show when={holder() === props.viewerId}>
          <form action={act('unassign')} method="post">
            <button type="submit" class="button">
              Unassign
            </button>
          </form>
        </Show>
        <Show when={heldByAnother()}>
          <button type="button" class="button" onClick={() => confirmTakeOver({ name: 'unassign' })}>
            Unassign…
          </button>
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
          <button type="button" class="button" onClick={() => timerDialog?.showModal()}>
            Turn timer off…
          </button>
        </Show>
        <button type="button" class="button button-danger" onClick={() => closeDialog?.showModal()}>
          Close ticket…
        </button>
      </div>
      <form
        action={act('assign')}
        method="post"
        class="inline-form"
        ref={assignForm}
        onSubmit={(event) => {
          const assigneeId = String(new FormData(event.currentTarget).get('assigneeId') ?? '');
          if (!heldByAnother() || assigneeId === holder()) return;
          event.preventDefault();
          confirmTakeOver({ name: 'assign', assigneeId });
        }}
      >
        <label>
          Assign to (Discord id of a staff member)
          <input name="assigneeId" required inputmode="numeric" pattern="\d{17,20}" />
        </label>
        <button type="submit" class="button">
          Assign
        </button>
      </form>
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
      <dialog ref={takeOverDialog} aria-labelledby="take-over-title" class="close-dialog">
        <Show when={takeOver()}>
          {(change) => (
            <form action={act(change().name)} method="post">
              <h2 id="take-over-title">Take over ticket #{props.ticket.number}?</h2>
              <p>
                {props.nameOf(holder() ?? '')} holds this ticket.{' '}
                {change().name === 'unassign'
                  ? 'Unassigning takes it from them and leaves it unassigned.'
                  : change().name === 'assign'
                    ? 'Assigning takes it from them.'
                    : 'Taking it over makes you its assignee instead.'}
              </p>
              <input type="hidden" name="takeOver" value="true" />
              <Show when={assigneeOf(change())}>
                {(assigneeId) => <input type="hidden" name="assigneeId" value={assigneeId()} />}
              </Show>
              <div class="action-row">
                <button type="submit" class="button button-danger" disabled={takingOver.pending}>
                  {takingOver.pending ? 'Taking over…' : 'Take over'}
                </button>
                <button type="button" class="button" onClick={() => takeOverDialog?.close()}>
                  Cancel
                </button>
              </div>
            </form>
          )}
        </Show>
      </dialog>
      <dialog ref={timerDialog} aria-labelledby="timer-off-title" class="close-dialog">
        <form action={act('disable-timer')} method="post">
          <h2 id="timer-off-title">Turn the timer of ticket #{props.ticket.number} off</h2>
          <label for="timer-off-reason">Why should this ticket stay open without the inactivity timer?</label>
          <textarea id="timer-off-reason" name="reason" required maxlength={TIMER_REASON_MAX} rows="3" />
          <div class="action-row">
            <button type="submit" class="button button-danger" disabled={timerOff.pending}>
              {timerOff.pending ? 'Turning off…' : 'Turn timer off'}
            </button>
            <button type="button" class="button" onClick={() => timerDialog?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
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
