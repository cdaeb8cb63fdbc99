import * as wf from '@temporalio/workflow';
import type { Actor, ClosureFacts, TimerState } from '../domain/ticket.ts';
import {
  addMember,
  assignTicket,
  closeTicket,
  disableTimer,
  getTicketState,
  type OpenTicketResult,
  openTicket,
  pauseTimer,
  resumeTimer,
  type TicketView,
  type TicketWorkflowInput,
  type TicketWorkflowResult,
} from './definitions.ts';
import { closeTicketRecord } from './ticket-closing.ts';
import { type MessageChange, startMessagePump } from './ticket-message-pump.ts';
import { setMessageSignalHandlers } from './ticket-message-signals.ts';
import { openTicketThread, welcomeTicket } from './ticket-opening.ts';
import { newTicketView, TicketRun } from './ticket-run.ts';
import { nextWake, type TimedAction } from './ticket-schedule.ts';
import { searchAttributesOf } from './ticket-search-attributes.ts';
import * as staff from './ticket-staff-actions.ts';
import { remindStaff, warnInactivity } from './ticket-timed-actions.ts';
import { requireStillOpen, validateClose, validateMemberId, validateStaffAction } from './ticket-validators.ts';

/** History length at which a ticket continues as new even if the server has not suggested it yet. */
const DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS = 10_000;

interface CloseRequest {
  actor: Actor | null;
  reason: string | null;
  automatic: boolean;
}

const threadGone: CloseRequest = { actor: null, reason: 'thread deleted', automatic: true };

/**
 * One support ticket, from the member's click to its transcript: it sleeps on one durable timer at a
 * time (inactivity warning, auto-close, staff reminder), wakes on replies and staff actions, and does
 * every side effect through activities.
 */
export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketWorkflowResult> {
  const { workflowId } = wf.workflowInfo();
  const ticket = input.carried ?? newTicketView(workflowId, input.request, Date.now());
  const run = new TicketRun(ticket, input.carried ? searchAttributesOf(ticket) : []);
  const messageChanges: MessageChange[] = [];
  const exclusive = createExclusive();
  let openResult: OpenTicketResult | null = input.carried ? openedResultOf(ticket) : null;
  let closeRequest: CloseRequest | null = null;
  let deadlinesChanged = false;

  const staffAction = (action: () => Promise<void>) =>
    exclusive(async () => {
      requireStillOpen(ticket);
      await action();
      deadlinesChanged = true;
      return ticket;
    });

  // Handlers first, before any await: an update that finds no handler is rejected.
  wf.setHandler(getTicketState, () => ticket, { description: 'The ticket as the workflow knows it now.' });
  wf.setHandler(
    openTicket,
    async () => {
      await wf.condition(() => openResult !== null);
      return openResult as OpenTicketResult;
    },
    { description: 'Sent with the start: answers once the thread exists, or why no ticket was opened.' },
  );
  setMessageSignalHandlers(run, messageChanges);
  wf.setHandler(assignTicket, ({ actor, assigneeId }) => staffAction(() => staff.assign(run, actor, assigneeId)), {
    validator: ({ actor, assigneeId }) => {
      validateStaffAction(ticket, actor, 'assign tickets');
      validateMemberId(assigneeId, 'assignee');
    },
    description: 'Staff assign the ticket to a member of staff, or unassign it with null.',
  });
  wf.setHandler(addMember, ({ actor, memberId }) => staffAction(() => staff.addMember(run, actor, memberId)), {
    validator: ({ actor, memberId }) => {
      validateStaffAction(ticket, actor, 'add members to tickets');
      validateMemberId(memberId, 'member');
    },
    description: 'Staff add a member to the ticket thread.',
  });
  const timerUpdate = (timer: TimerState, what: string) =>
    [
      ({ actor }: { actor: Actor }) => staffAction(() => staff.setTimer(run, actor, timer)),
      { validator: ({ actor }: { actor: Actor }) => validateStaffAction(ticket, actor, what), description: what },
    ] as const;
  wf.setHandler(pauseTimer, ...timerUpdate('paused', 'pause the inactivity timer'));
  wf.setHandler(resumeTimer, ...timerUpdate('running', 'resume the inactivity timer'));
  wf.setHandler(disableTimer, ...timerUpdate('disabled', 'disable the inactivity timer'));
  wf.setHandler(
    closeTicket,
    async ({ actor, reason }) => {
      const first = closeRequest === null && ticket.status === 'open';
      if (first) closeRequest = { actor, reason: reason?.trim() || null, automatic: false };
      await wf.condition(() => ticket.status === 'closed');
      const closure = ticket.closure as ClosureFacts;
      return first
        ? { outcome: 'closed', closure, transcriptKey: ticket.transcriptKey ?? '' }
        : { outcome: 'already_closed', closure };
    },
    {
      validator: ({ actor, reason }) => validateClose(ticket, actor, reason),
      description: 'The creator or staff close the ticket, with an optional reason.',
    },
  );

  const pump = startMessagePump(run, messageChanges);
  if (!input.carried) {
    openResult = await openTicketThread(run);
    if (openResult.outcome !== 'opened') {
      await pump.drain();
      await wf.condition(wf.allHandlersFinished);
      return openResult;
    }
    if (!(await exclusive(() => welcomeTicket(run)))) closeRequest = threadGone;
  }

  const continueAsNewAfter = input.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS;
  const historyIsLong = () => {
    const info = wf.workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= continueAsNewAfter;
  };

  const act = async (action: TimedAction) => {
    if (closeRequest) return;
    if (action === 'auto_close') {
      closeRequest = { actor: null, reason: 'inactivity', automatic: true };
    } else if (action === 'warn') {
      if (!(await warnInactivity(run))) closeRequest = threadGone;
    } else {
      await remindStaff(run);
    }
  };

  for (;;) {
    if (closeRequest) break;
    if (historyIsLong()) {
      await pump.drain();
      await wf.condition(wf.allHandlersFinished);
      if (!closeRequest) {
        return wf.makeContinueAsNewFunc<typeof ticketWorkflow>({ typedSearchAttributes: searchAttributesOf(ticket) })({
          ...input,
          carried: ticket,
        });
      }
      break;
    }
    const next = nextWake(ticket);
    if (next && next.at <= Date.now()) {
      await exclusive(() => act(next.action));
      continue;
    }
    deadlinesChanged = false;
    const woken = () => deadlinesChanged || closeRequest !== null || historyIsLong();
    if (next) await wf.condition(woken, next.at - Date.now());
    else await wf.condition(woken);
  }

  const request = closeRequest as CloseRequest;
  await exclusive(async () => {
    await pump.drain();
    await closeTicketRecord(run, {
      reason: request.reason,
      closedById: request.actor?.id ?? null,
      closedAt: Date.now(),
      automatic: request.automatic,
    });
  });
  await wf.condition(wf.allHandlersFinished);
  return { outcome: 'closed', number: ticket.number ?? 0, closure: ticket.closure as ClosureFacts };
}

function openedResultOf(ticket: TicketView): OpenTicketResult {
  return {
    outcome: 'opened',
    workflowId: ticket.workflowId,
    number: ticket.number ?? 0,
    threadId: ticket.threadId ?? '',
  };
}

/** Runs changes one after another, in arrival order, so Postgres and Discord see them as the workflow did. */
function createExclusive() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };
}
