import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { ClosureFacts, TicketNotice, TranscriptRef } from '../../domain/ticket.ts';
import { ticketSpace } from './channel-mode.ts';
import type { MessagePump } from './message-pump.ts';
import type { TicketRun } from './run.ts';
import { runStep } from './steps.ts';

/**
 * Closing, in an order that loses nothing: tell the thread, lock it (so the conversation is final), store every
 * accepted message, make the transcript from all of it, post the summary, and only then mark the row closed
 * (the panel's source of truth). A step held up by a missing permission waits, visibly, until it is granted;
 * the ticket is not called closed before its thread is locked.
 * Runs begun by older workers close in their old order (transcript before lock) and replay as they ran.
 */
export async function closeTicketRecord(run: TicketRun, closure: ClosureFacts, pump: MessagePump): Promise<Closed> {
  const { ticket } = run;
  ticket.closure = closure;
  let threadId = ticket.threadId;
  if (threadId) {
    const key = run.nextKey('closing');
    const channelId = threadId;
    const told = await runStep(run, { target: 'thread', step: 'post the closing notice' }, () =>
      run.act.postNotice({ channelId, idempotencyKey: key, notice: closingNotice(run, closure) }),
    );
    if (!told.done && run.hardened) threadId = null;
  }
  if (run.hardened && threadId) {
    const locked = await lockThread(run, threadId, closure);
    if (!locked) threadId = null;
  }
  const { transcript, storedInTranscript } = run.hardened
    ? await transcriptOfEverything(run, pump, closure)
    : { transcript: await render(run, closure), storedInTranscript: pump.stored() };
  const historiesChannelId = ticket.settings?.historiesChannelId;
  if (historiesChannelId) {
    const key = run.nextKey('summary');
    const notice = {
      kind: 'summary',
      ticket: run.facts(),
      closure,
      transcriptKey: transcript.key,
      messageCount: transcript.messageCount,
      ...(ticket.reopenedBy?.length ? { reopens: ticket.reopenedBy } : {}),
    } as const;
    const posted = await runStep(run, { target: 'histories_channel', step: 'post the summary' }, () =>
      run.act.postNotice({ channelId: historiesChannelId, idempotencyKey: key, notice }),
    );
    // Kept so a rating given later can be added to it.
    if (posted.done) ticket.summary = { channelId: historiesChannelId, messageId: posted.value.messageId, notice };
  }
  if (!run.hardened && threadId) await lockThread(run, threadId, closure);
  const key = run.nextKey('closed');
  await runStep(run, { target: 'database', step: 'record the close' }, () =>
    run.act.recordTicketChange({
      ...run.ref(),
      event: {
        key,
        kind: 'closed',
        actorId: closure.closedById,
        at: closure.closedAt,
        data: { reason: closure.reason, automatic: closure.automatic },
      },
      patch: {
        status: 'closed',
        closedAt: closure.closedAt,
        closeReason: closure.reason,
        closedById: closure.closedById,
        transcriptKey: transcript.key,
      },
    }),
  );
  ticket.status = 'closed';
  run.publish();
  return { closure, storedInTranscript };
}

/**
 * The closing notice; with a reopen window it offers a Reopen button until the window ends. Which space it names
 * (thread or channel) only changes the activity's input, never the workflow's commands, so older runs replay.
 */
function closingNotice(run: TicketRun, closure: ClosureFacts): TicketNotice {
  const { reopenUntil, channelKind } = run.ticket;
  return {
    kind: 'closing',
    ticket: run.facts(),
    closure,
    ...(reopenUntil === undefined ? {} : { reopenUntil }),
    ...(channelKind === undefined ? {} : { channelKind }),
  };
}

/** A finished close: its facts, and how many stored message changes its transcript holds. */
export interface Closed {
  closure: ClosureFacts;
  storedInTranscript: number;
}

/**
 * After the close, until the run ends: messages that still reach the ticket (staff may write in a locked thread)
 * are stored and the transcript is made again, so it holds every message the ticket took. Returns when nothing
 * is pending and no handler runs; the run ends in the same step, so a later signal finds it ended.
 */
export async function storeLateMessages(run: TicketRun, closed: Closed, pump: MessagePump): Promise<void> {
  const { closure } = closed;
  let storedInTranscript = closed.storedInTranscript;
  for (;;) {
    await condition(() => !pump.idle() || allHandlersFinished());
    if (pump.idle() && allHandlersFinished()) return;
    await pump.settled();
    if (pump.stored() !== storedInTranscript) {
      storedInTranscript = pump.stored();
      await render(run, closure);
    }
  }
}

/** Stores what is queued, then renders; again if messages arrived while it rendered. */
async function transcriptOfEverything(run: TicketRun, pump: MessagePump, closure: ClosureFacts) {
  for (;;) {
    await pump.settled();
    const storedInTranscript = pump.stored();
    const transcript = await render(run, closure);
    if (pump.idle() && pump.stored() === storedInTranscript) return { transcript, storedInTranscript };
  }
}

export async function render(run: TicketRun, closure: ClosureFacts): Promise<TranscriptRef> {
  const { ticket } = run;
  const rendered = await runStep(run, { target: 'transcripts', step: 'store the transcript' }, () =>
    run.transcripts.renderTranscript({ ...run.ref(), number: ticket.number ?? 0, closure }),
  );
  if (!rendered.done) throw new Error(`the transcript step came back ${rendered.why}`);
  ticket.transcriptKey = rendered.value.key;
  return rendered.value;
}

/** False when the thread is gone. */
async function lockThread(run: TicketRun, threadId: string, closure: ClosureFacts): Promise<boolean> {
  const locked = await runStep(run, { target: 'thread', step: 'lock the thread' }, () =>
    ticketSpace(run, threadId).lock(`Ticket closed${closure.reason ? `: ${closure.reason}` : ''}`),
  );
  return locked.done;
}
