import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor } from '../../../domain/ticket.ts';
import type { PrismaClient } from '../../../prisma/client.ts';
import { findTicketByNumber, findTicketByWorkflow, type TicketRef } from '../../../store/find-ticket.ts';
import { TicketRefusal, updateTicket } from '../../../temporal/ticket-updates.ts';
import { isUnreachable } from '../../../temporal/until-reachable.ts';
import {
  addMember,
  assignTicket,
  type CloseTicketResult,
  closeTicket,
  disableTimer,
  pauseTimer,
  replyAsStaff,
  resumeTimer,
} from '../../../workflows/ticket/definitions.ts';
import type { MemberStaffCheck } from './member-staff-check.ts';
import { TicketActionRefused } from './ticket-action-refused.ts';

/** Every staff action the bot offers, as the panel asks for it. */
export type TicketAction =
  | { kind: 'reply'; content: string }
  /** `takeOver`: the viewer confirmed taking the ticket from whoever holds it (the bot's Take over button). */
  | { kind: 'assign'; assigneeId: string; takeOver: boolean }
  | { kind: 'unassign'; takeOver: boolean }
  | { kind: 'claim'; takeOver: boolean }
  | { kind: 'add-member'; memberId: string }
  | { kind: 'pause-timer' }
  | { kind: 'resume-timer' }
  | { kind: 'disable-timer'; reason: string }
  | { kind: 'close'; reason: string | null };

/** Who asks: the signed-in user, and whether the server found them staff of the guild (never the browser's word). */
export interface TicketViewer {
  id: string;
  name: string;
  isStaff: boolean;
}

export type TicketActionResult =
  /** Done: `message` says what changed, in the words the bot uses. */
  | { outcome: 'done'; message: string }
  /** A close under way that a step holds up (a missing permission): it finishes by itself once fixed. */
  | { outcome: 'closing'; message: string }
  /** The ticket has the request but did not answer in time: it completes it once the ticket service is back. */
  | { outcome: 'accepted'; message: string };

export interface TicketActionsOptions {
  prisma: PrismaClient;
  temporal: Client;
  /** Whether someone the viewer assigns is staff: the ticket refuses anyone else, as it does for the bot. */
  isStaffMember: MemberStaffCheck;
  /** How long a request waits for the ticket's answer, sending it again while Temporal is unreachable. */
  answerWithinMs?: number;
}

export interface TicketActionRequest {
  guildId: string;
  number: number;
  viewer: TicketViewer;
  action: TicketAction;
  /** One id per request: the same id sent twice (a retry after a lost answer) is taken once by the ticket. */
  requestId: string;
  /** Aborted when the caller stopped waiting (the browser went away). */
  signal?: AbortSignal;
}

const DEFAULT_ANSWER_WITHIN_MS = 15_000;

/**
 * The panel's staff actions: each is the same workflow update the bot sends for its button or command, sent as the
 * signed-in user, and the workflow's rules decide. A ticket the viewer may not see is not found (a member sees only
 * the tickets they opened); a refusal from the workflow (closed, not staff, a permission the bot lacks) is a
 * TicketActionRefused carrying the workflow's own words.
 */
export function createTicketActions(options: TicketActionsOptions) {
  const answerWithinMs = options.answerWithinMs ?? DEFAULT_ANSWER_WITHIN_MS;

  return {
    async act(request: TicketActionRequest): Promise<TicketActionResult> {
      const { viewer, action } = request;
      const ticket = await findTicketByNumber(options.prisma, request.guildId, request.number);
      if (!ticket || (!viewer.isStaff && ticket.creatorId !== viewer.id)) throw TicketActionRefused.notFound();
      if (ticket.status === 'closed') throw closedRefusal(ticket, action.kind === 'close');
      const actor: Actor = { id: viewer.id, name: viewer.name.slice(0, 100), isStaff: viewer.isStaff };
      // Asked only of another assignee: the viewer's own standing is the server's view of them.
      const assigneeIsStaff =
        action.kind === 'assign' && action.assigneeId !== viewer.id
          ? await options.isStaffMember(request.guildId, action.assigneeId).catch((error: unknown) => {
              throw TicketActionRefused.staffUnknown(ticket.number, error);
            })
          : undefined;
      const deadline = AbortSignal.timeout(answerWithinMs);
      const stillWanted = request.signal ? AbortSignal.any([deadline, request.signal]) : deadline;
      let accepted = false;
      const ask = <Ret, Arg>(update: UpdateDefinition<Ret, [Arg]>, arg: Arg): Promise<Ret> =>
        updateTicket(options.temporal, ticket.workflowId, update, arg, {
          updateId: `panel-${request.requestId}`,
          stillWanted,
          onAccepted: () => {
            accepted = true;
          },
        });
      try {
        return await run(ticket, actor, action, ask, assigneeIsStaff);
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) throw await endedRefusal(options.prisma, ticket, action.kind);
        if (error instanceof TicketRefusal) throw TicketActionRefused.fromWorkflow(error);
        if (!isUnreachable(error)) throw error;
        if (!accepted) throw TicketActionRefused.unreachable(ticket.number);
        return {
          outcome: 'accepted',
          message: `Ticket #${ticket.number} has your request and completes it once the ticket service is back.`,
        };
      }
    },
  };
}

export type TicketActions = ReturnType<typeof createTicketActions>;

type Ask = <Ret, Arg>(update: UpdateDefinition<Ret, [Arg]>, arg: Arg) => Promise<Ret>;

/**
 * Sends the action's update and words what changed. The workflow's answer (its view of the ticket) is not shown: the
 * page follows the ticket's stored changes, which the same update wrote.
 */
async function run(
  ticket: TicketRef,
  actor: Actor,
  action: TicketAction,
  ask: Ask,
  assigneeIsStaff: boolean | undefined,
): Promise<TicketActionResult> {
  const number = ticket.number;
  const done = (message: string): TicketActionResult => ({ outcome: 'done', message });
  switch (action.kind) {
    case 'reply':
      await ask(replyAsStaff, { actor, content: action.content });
      return done(`Your reply was posted in ticket #${number}.`);
    case 'claim':
      await ask(assignTicket, { actor, assigneeId: actor.id, ...takingOver(action) });
      return done(action.takeOver ? `You took over ticket #${number}.` : `You claimed ticket #${number}.`);
    case 'assign':
      await ask(assignTicket, {
        actor,
        assigneeId: action.assigneeId,
        ...(assigneeIsStaff === undefined ? {} : { assigneeIsStaff }),
        ...takingOver(action),
      });
      return done(
        action.assigneeId === actor.id ? `You claimed ticket #${number}.` : `Ticket #${number} is now assigned.`,
      );
    case 'unassign':
      await ask(assignTicket, { actor, assigneeId: null, ...takingOver(action) });
      return done(`Ticket #${number} is no longer assigned.`);
    case 'add-member':
      await ask(addMember, { actor, memberId: action.memberId });
      return done(`The member was added to ticket #${number}.`);
    case 'pause-timer':
    case 'resume-timer': {
      const timer = TIMER_UPDATES[action.kind];
      await ask(timer.update, { actor });
      return done(`The inactivity timer of ticket #${number} is ${timer.done}.`);
    }
    case 'disable-timer':
      await ask(disableTimer, { actor, reason: action.reason });
      return done(`The inactivity timer of ticket #${number} is off: “${action.reason}”.`);
    case 'close':
      return closeOutcome(ticket, await ask(closeTicket, { actor, reason: action.reason }));
  }
}

const TIMER_UPDATES = {
  'pause-timer': { update: pauseTimer, done: 'paused' },
  'resume-timer': { update: resumeTimer, done: 'resumed' },
} as const;

/** Sent only when confirmed, as the bot's Take over button sends it: older tickets never see the field. */
function takingOver(action: { takeOver: boolean }): { takeOver?: true } {
  return action.takeOver ? { takeOver: true } : {};
}

function closeOutcome(ticket: TicketRef, result: CloseTicketResult): TicketActionResult {
  switch (result.outcome) {
    case 'closed':
      return { outcome: 'done', message: `Ticket #${ticket.number} is closed.` };
    case 'already_closed':
      throw TicketActionRefused.closed(ticket.number, result.closure.reason, true);
    case 'closing':
      return {
        outcome: 'closing',
        message: `Ticket #${ticket.number} is closing, but a step cannot finish yet: ${result.problem.message}. It finishes by itself once that is fixed.`,
      };
  }
}

function closedRefusal(ticket: TicketRef, closing: boolean): TicketActionRefused {
  return TicketActionRefused.closed(ticket.number, ticket.closeReason, closing);
}

/**
 * The row said open but the workflow has ended: the ticket closed meanwhile, so the answer comes from the row read
 * again, never from the failure (as the bot answers it).
 */
async function endedRefusal(
  prisma: PrismaClient,
  ticket: TicketRef,
  kind: TicketAction['kind'],
): Promise<TicketActionRefused> {
  const now = await findTicketByWorkflow(prisma, ticket.workflowId);
  if (now?.status === 'closed') return closedRefusal(now, kind === 'close');
  return TicketActionRefused.ended(ticket.number);
}
