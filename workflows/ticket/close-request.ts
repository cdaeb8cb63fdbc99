import * as wf from '@temporalio/workflow';
import {
  CLOSE_REQUEST_DEFAULT_AFTER_MS,
  CLOSE_REQUEST_MAX_AFTER_MS,
  CLOSE_REQUEST_MIN_AFTER_MS,
  CLOSE_REQUEST_OUTCOME_EVENTS,
  type CloseRequestAnswer,
  type CloseRequestFacts,
  type CloseRequestOutcome,
  isValidCloseRequestAfter,
} from '../../domain/close-request.ts';
import type { Actor, TicketMessage } from '../../domain/ticket.ts';
import { canAnswerCloseRequest, canManage } from '../../domain/ticket-permissions.ts';
import { answerCloseRequest, requestClose, type TicketView } from './definitions.ts';
import type { TicketRun } from './run.ts';
import { record, tellThread } from './staff-actions.ts';
import { runStep, type StepOutcome } from './steps.ts';
import { CLOSE_REASON_MAX, reject, requireAcceptingChanges, requireActor } from './validators.ts';

/** Marks runs that took a close request; histories from before close requests never reach this code. */
export const CLOSE_REQUESTS_PATCH = 'close-requests';

/** How a close request hands the ticket over to closing: as the ticket's loop closes any ticket. */
export interface CloseFromRequest {
  actor: Actor;
  reason: string | null;
  automatic: false;
}

export interface CloseRequestHooks {
  /** Runs a change in turn with the ticket's other changes, refused if the ticket closed meanwhile, then wakes its loop. */
  inTurn(change: () => Promise<void>): Promise<TicketView>;
  /** Begins closing the ticket. */
  close(close: CloseFromRequest): void;
}

const done: StepOutcome<void> = { done: true, value: undefined };

/**
 * Staff ask the creator to confirm the close (`requestClose`); the creator answers (`answerCloseRequest`). A second
 * request while one is pending is refused: the member already has a question to answer, and its time stands.
 */
export function setCloseRequestHandlers(run: TicketRun, hooks: CloseRequestHooks): void {
  const { ticket } = run;
  wf.setHandler(
    requestClose,
    ({ actor, reason, afterMs }) =>
      hooks.inTurn(() => askToClose(run, actor, reason?.trim() || null, afterMs ?? CLOSE_REQUEST_DEFAULT_AFTER_MS)),
    {
      validator: ({ actor, reason, afterMs }) => validateCloseRequest(ticket, actor, reason, afterMs),
      description:
        'Staff ask the member who opened the ticket to confirm closing it; it closes by itself after a time.',
    },
  );
  wf.setHandler(
    answerCloseRequest,
    ({ actor, requestId, answer }) =>
      hooks.inTurn(async () => {
        // Validated when it came; the request may have ended while earlier changes ran.
        const request = requirePending(ticket, requestId);
        const outcome: CloseRequestOutcome = answer === 'accept' ? 'accepted' : 'declined';
        await endRequest(run, request, outcome, actor.id, 'answer');
        if (answer === 'accept') hooks.close({ actor, reason: request.reason, automatic: false });
      }),
    {
      validator: ({ actor, requestId, answer }) => validateAnswer(ticket, actor, requestId, answer),
      description: 'The member who opened the ticket accepts or declines the close request; staff may accept it.',
    },
  );
}

/**
 * A reply by the creator after the request was made answers it: the request is marked, and the ticket's loop
 * cancels it on its next turn (see schedule.ts). True when the loop must wake for it.
 */
export function noteReplyToCloseRequest(ticket: TicketView, message: TicketMessage): boolean {
  const request = ticket.pendingCloseRequest;
  if (!request || request.repliedAt !== undefined) return false;
  if (message.authorId !== ticket.creator.id || message.createdAt < request.requestedAt) return false;
  request.repliedAt = message.createdAt;
  return true;
}

/** The loop's turn for a request the creator replied to: it ends, cancelled, and the ticket stays open. */
export async function cancelRepliedCloseRequest(run: TicketRun): Promise<StepOutcome<void>> {
  const request = run.ticket.pendingCloseRequest;
  if (!request) return done;
  return endRequest(run, request, 'cancelled', run.ticket.creator.id, 'timed');
}

/** The loop's turn when nobody answered in time: the request expires and the ticket closes with its reason. */
export async function expireCloseRequest(
  run: TicketRun,
  close: (close: CloseFromRequest) => void,
): Promise<StepOutcome<void>> {
  const request = run.ticket.pendingCloseRequest;
  if (!request) return done;
  const ended = await endRequest(run, request, 'expired', null, 'timed');
  if (!ended.done) return ended;
  close({ actor: { ...request.requestedBy, isStaff: true }, reason: request.reason, automatic: false });
  return done;
}

async function askToClose(run: TicketRun, actor: Actor, reason: string | null, afterMs: number): Promise<void> {
  const { ticket } = run;
  wf.patched(CLOSE_REQUESTS_PATCH);
  // Validated when it came; another request may have been made while earlier changes ran.
  if (ticket.pendingCloseRequest) refuseSecondRequest(ticket.pendingCloseRequest);
  const now = Date.now();
  const key = run.nextKey('close_requested');
  const request: CloseRequestFacts = {
    id: ticket.sideEffectSeq,
    requestedBy: { id: actor.id, name: actor.name },
    reason,
    requestedAt: now,
    closesAt: now + afterMs,
    messageId: null,
  };
  await record(run, {
    ...run.ref(),
    event: {
      key,
      kind: 'close_requested',
      actorId: actor.id,
      at: now,
      data: { requestId: request.id, reason, closesAt: request.closesAt },
    },
    patch: {},
  });
  ticket.pendingCloseRequest = request;
  run.publish();
  request.messageId = await tellThread(run, () => ({ kind: 'close_requested', ticket: run.facts(), request, actor }));
}

/**
 * Ends the request: the event first (a key per request and outcome, so a retried turn stores one), then the ticket,
 * then the thread hears it and the request's message shows the outcome without its buttons. An answer's write that
 * keeps failing is the caller's refusal (`answer`); a timed turn reports the problem and the loop tries again.
 */
async function endRequest(
  run: TicketRun,
  request: CloseRequestFacts,
  outcome: CloseRequestOutcome,
  actorId: string | null,
  by: 'answer' | 'timed',
): Promise<StepOutcome<void>> {
  const { ticket } = run;
  const kind = CLOSE_REQUEST_OUTCOME_EVENTS[outcome];
  const change = {
    ...run.ref(),
    event: {
      key: `${ticket.workflowId}:${kind}:${request.id}`,
      kind,
      actorId,
      at: Date.now(),
      data: { requestId: request.id, reason: request.reason },
    },
    patch: {},
  };
  if (by === 'answer') await record(run, change);
  else {
    const recorded = await runStep(
      run,
      { target: 'database', step: `record the close request ${outcome}`, onProblem: 'report' },
      () => run.act.recordTicketChange(change),
    );
    if (!recorded.done) return recorded;
  }
  ticket.pendingCloseRequest = null;
  run.publish();
  await tellThread(run, () => ({ kind: 'close_request_ended', ticket: run.facts(), request, outcome, actorId }));
  await showOutcome(run, request, outcome, actorId);
  return done;
}

/** After the notice: posting in a thread Discord auto-archived unarchives it, so the request's message can be edited. */
async function showOutcome(
  run: TicketRun,
  request: CloseRequestFacts,
  outcome: CloseRequestOutcome,
  actorId: string | null,
): Promise<void> {
  const { threadId } = run.ticket;
  const { messageId } = request;
  if (!threadId || !messageId) return;
  await runStep(run, { target: 'thread', step: 'show how the close request ended', onProblem: 'report' }, () =>
    run.act.showCloseRequestOutcome({ threadId, messageId, ticket: run.facts(), request, outcome, actorId }),
  );
}

function refuseSecondRequest(pending: CloseRequestFacts): never {
  reject(
    'CloseRequestPending',
    `A close request is already waiting for the member's answer; it closes the ticket at ${new Date(pending.closesAt).toISOString()} unless they answer.`,
  );
}

function requirePending(ticket: TicketView, requestId: number): CloseRequestFacts {
  const request = ticket.pendingCloseRequest;
  if (!request || request.id !== requestId || request.repliedAt !== undefined) {
    reject('CloseRequestEnded', 'This close request has already ended.');
  }
  return request;
}

function validateCloseRequest(ticket: TicketView, actor: Actor | undefined, reason: unknown, afterMs: unknown): void {
  requireActor(actor);
  requireAcceptingChanges(ticket);
  if (!canManage(actor)) reject('Forbidden', 'Only staff can ask the member to close a ticket.');
  if (reason !== undefined && reason !== null && (typeof reason !== 'string' || reason.length > CLOSE_REASON_MAX)) {
    reject('InvalidRequest', `A close reason is text of at most ${CLOSE_REASON_MAX} characters.`);
  }
  if (afterMs !== undefined && !isValidCloseRequestAfter(afterMs)) {
    reject(
      'InvalidRequest',
      `A close request waits between ${CLOSE_REQUEST_MIN_AFTER_MS / 3_600_000} and ${CLOSE_REQUEST_MAX_AFTER_MS / 3_600_000} hours.`,
    );
  }
  if (ticket.pendingCloseRequest) refuseSecondRequest(ticket.pendingCloseRequest);
}

function validateAnswer(ticket: TicketView, actor: Actor | undefined, requestId: unknown, answer: unknown): void {
  requireActor(actor);
  requireAcceptingChanges(ticket);
  if (answer !== 'accept' && answer !== 'keep_open') reject('InvalidRequest', 'The answer is accept or keep_open.');
  if (!canAnswerCloseRequest(actor, ticket.creator.id, answer as CloseRequestAnswer)) {
    reject(
      'Forbidden',
      answer === 'accept'
        ? 'Only the member who opened this ticket or staff can accept its close request.'
        : 'Only the member who opened this ticket can keep it open.',
    );
  }
  if (typeof requestId !== 'number') reject('InvalidRequest', 'The answer must name the close request.');
  requirePending(ticket, requestId);
}
