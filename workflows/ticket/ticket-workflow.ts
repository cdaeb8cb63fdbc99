import * as wf from '@temporalio/workflow';
import type { Actor, ClosureFacts, TicketProblem, TimerState } from '../../domain/ticket.ts';
import { afterClose, afterCloseRulesOf, openReopenWindow, setAfterCloseHandlers } from './after-close.ts';
import { tellStaffCategoriesFull } from './categories-full.ts';
import {
  cancelRepliedCloseRequest,
  expireCloseRequest,
  noteReplyToCloseRequest,
  setCloseRequestHandlers,
} from './close-request.ts';
import { type Closed, closeTicketRecord } from './closing.ts';
import {
  addMember,
  assignTicket,
  type CloseTicketResult,
  closeTicket,
  disableTimer,
  getTicketState,
  type MessageChange,
  type OpenTicketResult,
  openTicket,
  pauseTimer,
  replyAsStaff,
  resumeTimer,
  settingsChanged,
  type TicketView,
  type TicketWorkflowInput,
  type TicketWorkflowResult,
} from './definitions.ts';
import { startMessagePump } from './message-pump.ts';
import { setMessageSignalHandlers } from './message-signals.ts';
import { setTicketMetadataHandlers } from './metadata.ts';
import { openTicketThread, welcomeTicket } from './opening.ts';
import { assignUnderRules, setPeopleHandlers, TICKET_PEOPLE_PATCH } from './people.ts';
import { validateAssignment } from './people-rules.ts';
import { routeNewTicket } from './routing.ts';
import { newTicketView, TicketRun } from './run.ts';
import { nextWake, type TimedAction } from './schedule.ts';
import { searchAttributesOf } from './search-attributes.ts';
import { refreshSettings } from './settings-refresh.ts';
import { actOnSla, noteSlaReply, startSla } from './sla.ts';
import * as staff from './staff-actions.ts';
import { type StepOutcome, waitToRetry } from './steps.ts';
import { remindStaff, warnInactivity } from './timed-actions.ts';
import { validateTimerReason } from './timer-reason.ts';
import {
  requireStillOpen,
  validateClose,
  validateMemberId,
  validateStaffAction,
  validateStaffReply,
} from './validators.ts';

/** History length at which a ticket continues as new even if the server has not suggested it yet. */
const DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS = 10_000;

/**
 * Marks runs that show and retry held-up steps, store replies to the last moment, close in the lock-first order
 * and follow changed guild settings. Runs begun without it (by older workers) keep their old behaviour to the end.
 */
export const HARDENED_TICKETS_PATCH = 'hardened-tickets';

interface CloseRequest {
  actor: Actor | null;
  reason: string | null;
  automatic: boolean;
}

const threadGone: CloseRequest = { actor: null, reason: 'thread deleted', automatic: true };
const done: StepOutcome<void> = { done: true, value: undefined };

/**
 * One support ticket, from the member's click to its transcript: it sleeps on one durable timer at a
 * time (inactivity warning, auto-close, staff reminder), wakes on replies and staff actions, and does
 * every side effect through activities.
 */
export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketWorkflowResult> {
  const hardened = wf.patched(HARDENED_TICKETS_PATCH);
  const peopleRules = wf.patched(TICKET_PEOPLE_PATCH);
  const { workflowId } = wf.workflowInfo();
  const ticket = input.carried ?? newTicketView(workflowId, input.request, Date.now());
  const run = new TicketRun(ticket, input.carried ? searchAttributesOf(ticket) : [], hardened);
  const afterCloseRules = afterCloseRulesOf(run);
  const messageChanges: MessageChange[] = [...(input.carriedMessageChanges ?? [])];
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
  /** A problem that holds up the close under way. */
  const closeHeldUp = (): TicketProblem | undefined => {
    const closure = ticket.closure;
    if (!run.hardened || !closure || ticket.status === 'closed') return undefined;
    return ticket.problems?.find((problem) => problem.since >= closure.closedAt);
  };

  // Handlers first, before any await: an update that finds no handler is rejected.
  setTicketMetadataHandlers(run, staffAction);
  wf.setHandler(getTicketState, () => ticket, { description: 'The ticket as the workflow knows it now.' });
  wf.setHandler(
    openTicket,
    async () => {
      await wf.condition(() => openResult !== null);
      return openResult as OpenTicketResult;
    },
    { description: 'Sent with the start: answers once the thread exists, or why no ticket was opened.' },
  );
  const acceptReply = setMessageSignalHandlers(run, messageChanges, (message) => {
    if (noteReplyToCloseRequest(ticket, message)) deadlinesChanged = true;
    if (noteSlaReply(ticket, message, Date.now())) deadlinesChanged = true;
  });
  setCloseRequestHandlers(run, {
    inTurn: staffAction,
    close: (close) => {
      closeRequest ??= close;
    },
  });
  wf.setHandler(
    settingsChanged,
    () => {
      // Older runs had no such signal; they ignore it, as they would have.
      if (!run.hardened) return;
      ticket.settingsStale = true;
      run.retryGeneration += 1;
      deadlinesChanged = true;
    },
    { description: "The guild's settings or the bot's permissions changed: re-read them, retry held-up steps now." },
  );
  wf.setHandler(assignTicket, (input) => staffAction(() => assignUnderRules(run, input, peopleRules)), {
    validator: (input) => {
      validateStaffAction(ticket, input.actor, 'assign tickets');
      validateMemberId(input.assigneeId, 'assignee');
      if (peopleRules) validateAssignment(ticket, input);
    },
    description: 'Staff assign the ticket to a member of staff, or unassign it with null.',
  });
  setPeopleHandlers(run, staffAction);
  wf.setHandler(addMember, ({ actor, memberId }) => staffAction(() => staff.addMember(run, actor, memberId)), {
    validator: ({ actor, memberId }) => {
      validateStaffAction(ticket, actor, 'add members to tickets');
      validateMemberId(memberId, 'member');
    },
    description: 'Staff add a member to the ticket thread.',
  });
  wf.setHandler(
    replyAsStaff,
    ({ actor, content }) => staffAction(() => staff.replyAsStaff(run, actor, content, acceptReply)),
    {
      validator: ({ actor, content }) => {
        validateStaffAction(ticket, actor, 'reply as staff');
        validateStaffReply(content);
      },
      description:
        'Staff reply from the panel: posted in the thread by the bot, signed with their name, stored as theirs.',
    },
  );
  type TimerArg = { actor: Actor; reason?: string };
  const timerUpdate = (timer: TimerState, what: string) =>
    [
      ({ actor, reason }: TimerArg) => staffAction(() => staff.setTimer(run, actor, timer, reason)),
      {
        validator: ({ actor, reason }: TimerArg) => {
          validateStaffAction(ticket, actor, what);
          validateTimerReason(reason);
        },
        description: what,
      },
    ] as const;
  wf.setHandler(pauseTimer, ...timerUpdate('paused', 'pause the inactivity timer'));
  wf.setHandler(resumeTimer, ...timerUpdate('running', 'resume the inactivity timer'));
  wf.setHandler(disableTimer, ...timerUpdate('disabled', 'disable the inactivity timer'));
  wf.setHandler(
    closeTicket,
    async ({ actor, reason }): Promise<CloseTicketResult> => {
      const first = closeRequest === null && ticket.status === 'open';
      if (first) closeRequest = { actor, reason: reason?.trim() || null, automatic: false };
      await wf.condition(() => ticket.status === 'closed' || closeHeldUp() !== undefined);
      const closure = ticket.closure as ClosureFacts;
      const heldUp = closeHeldUp();
      if (heldUp) return { outcome: 'closing', closure, problem: heldUp };
      return first
        ? { outcome: 'closed', closure, transcriptKey: ticket.transcriptKey ?? '' }
        : { outcome: 'already_closed', closure };
    },
    {
      validator: ({ actor, reason }) => validateClose(ticket, actor, reason),
      description: 'The creator or staff close the ticket, with an optional reason.',
    },
  );

  setAfterCloseHandlers(run, afterCloseRules, exclusive, () => {
    closeRequest = null;
    deadlinesChanged = true;
  });

  const pump = startMessagePump(run, messageChanges);
  if (!input.carried) {
    openResult = await openTicketThread(run);
    if (openResult.outcome !== 'opened') {
      await tellStaffCategoriesFull(run, openResult);
      await pump.drain();
      await wf.condition(wf.allHandlersFinished);
      return openResult;
    }
    // Older runs welcomed here, before the loop; now the loop does it, so a held-up welcome retries visibly.
    startSla(run, ticket.openedAt);
    if (!run.hardened && !(await exclusive(() => welcomeTicket(run))).done) closeRequest = threadGone;
  }

  const continueAsNewAfter = input.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER_EVENTS;
  const historyIsLong = () => {
    const info = wf.workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= continueAsNewAfter;
  };
  // The next run starts with the search attributes of the ticket as it is at that moment.
  const continueAsNew = (next: TicketWorkflowInput) =>
    wf.makeContinueAsNewFunc<typeof ticketWorkflow>({ typedSearchAttributes: searchAttributesOf(ticket) })(next);

  const act = async (action: TimedAction): Promise<StepOutcome<void>> => {
    if (closeRequest) return done;
    switch (action) {
      case 'auto_close':
        closeRequest = { actor: null, reason: 'inactivity', automatic: true };
        return done;
      case 'welcome': {
        const welcomed = await welcomeTicket(run);
        if (welcomed.done) await routeNewTicket(run);
        return welcomed;
      }
      case 'refresh':
        return refreshSettings(run);
      case 'warn':
        return warnInactivity(run);
      case 'remind':
        return remindStaff(run);
      case 'cancel_close_request':
        return cancelRepliedCloseRequest(run);
      case 'expire_close_request':
        return expireCloseRequest(run, (close) => {
          closeRequest = close;
        });
      case 'sla':
        return actOnSla(run);
    }
  };
  const woken = () => deadlinesChanged || closeRequest !== null || historyIsLong();

  /** The open ticket's loop: one durable timer at a time until a close is asked for; may continue as new. */
  const untilCloseRequested = async (): Promise<CloseRequest> => {
    for (;;) {
      if (closeRequest) return closeRequest;
      if (historyIsLong()) {
        if (run.hardened) {
          // Nothing new starts storing, so what is queued goes to the next run as it is: no reply is left behind.
          pump.pause();
          const quiet = () => wf.allHandlersFinished() && !pump.busy();
          do await wf.condition(() => closeRequest !== null || quiet());
          while (!closeRequest && !quiet());
          if (closeRequest) {
            pump.resume();
            return closeRequest;
          }
          return continueAsNew({ ...input, carried: ticket, carriedMessageChanges: messageChanges.splice(0) });
        }
        await pump.drain();
        // A close that came meanwhile waits for this loop, so it must not wait for the close.
        await wf.condition(() => closeRequest !== null || wf.allHandlersFinished());
        if (!closeRequest) return continueAsNew({ ...input, carried: ticket });
        return closeRequest;
      }
      const next = nextWake(ticket);
      if (next && next.at <= Date.now()) {
        const outcome = await exclusive(() => act(next.action));
        if (!outcome.done && outcome.why === 'gone' && (next.action === 'welcome' || next.action === 'warn')) {
          closeRequest = threadGone;
        } else if (!outcome.done && outcome.why === 'held_up') {
          deadlinesChanged = false;
          await waitToRetry(run, outcome.problem, woken);
        }
        continue;
      }
      deadlinesChanged = false;
      if (next) await wf.condition(woken, next.at - Date.now());
      else await wf.condition(woken);
    }
  };

  /** Closes as asked, the facts taken when the close begins, after any staff action already under way. */
  const close = async (request: CloseRequest): Promise<Closed> => {
    const closureNow = (): ClosureFacts => ({
      reason: request.reason,
      closedById: request.actor?.id ?? null,
      closedAt: Date.now(),
      automatic: request.automatic,
    });
    if (run.hardened) {
      return exclusive(() => {
        const closure = closureNow();
        openReopenWindow(run, afterCloseRules, closure.closedAt);
        return closeTicketRecord(run, closure, pump);
      });
    }
    return exclusive(async () => {
      await pump.drain();
      return closeTicketRecord(run, closureNow(), pump);
    });
  };

  const closedPhase = {
    rules: afterCloseRules,
    pump,
    exclusive,
    creatorLocales: [input.request.locale ?? null, ticket.settings?.language ?? null],
    historyIsLong,
    continueAsNew: () => continueAsNew({ ...input, carried: ticket, carriedMessageChanges: messageChanges.splice(0) }),
  };
  // The ticket's life: open until a close is asked for, then closed; reopened within its window, open again.
  let closed: Closed | null =
    ticket.status === 'closed' ? { closure: ticket.closure as ClosureFacts, storedInTranscript: 0 } : null;
  for (;;) {
    if (!closed) closed = await close(await untilCloseRequested());
    if ((await afterClose(run, closed, closedPhase)) === 'final') break;
    closed = null;
  }
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
