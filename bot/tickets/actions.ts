import type { UpdateDefinition } from '@temporalio/common';
import type { RepliableInteraction } from 'discord.js';
import type { Actor } from '../../domain/ticket.ts';
import { canClose, canManage } from '../../domain/ticket-permissions.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { TicketRef } from '../../store/find-ticket.ts';
import { updateTicket } from '../../temporal/ticket-updates.ts';
import {
  type AssignTicketInput,
  addMember,
  assignTicket,
  closeTicket,
  pauseTimer,
  resumeTimer,
} from '../../workflows/ticket/definitions.ts';
import { CLOSE_REASON_MAX } from '../../workflows/ticket/validators.ts';
import type { BotContext } from '../bot-context.ts';
import { answerInTime } from '../interactions/answer-in-time.ts';
import { interactionWords } from '../interactions/interaction-words.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { actorOf } from '../permissions.ts';
import { answerFailure, deferEphemeral, replyEphemeral, UserFacingError } from '../replies.ts';
import { actOnLiveTicket, closeFactsOf } from './answer-from-record.ts';
import { closeAnswer, closePending } from './close-answer.ts';
import { closedTicketAnswer } from './closure-words.ts';
import { inPeopleWords } from './people-refusals.ts';

export type TicketInteraction = RepliableInteraction<'cached'>;

/** Sends one update to the ticket on the member's behalf, again after an outage, and returns its answer. */
export type AskTicket = <Ret, Arg>(update: UpdateDefinition<Ret, [Arg]>, arg: Arg) => Promise<Ret>;

/** One kind of action on a ticket, as actOnTicket runs it. */
export interface TicketAction {
  /** Refuses, with a UserFacingError, an actor who may not do this; checked before the ticket is asked anything. */
  allow(actor: Actor, t: Translate): void;
  /** Whether it closes the ticket or changes it, for the answer when the ticket turns out to be closed. */
  attempt: 'close' | 'change';
  /** What is true while the ticket has not answered. */
  pending(t: Translate): string;
  /** Asks the ticket and words its answer in `t`; may `show` a step on the way. */
  run(
    actor: Actor,
    ask: AskTicket,
    t: Translate,
    show: (text: string) => Promise<void>,
    stillWanted: AbortSignal,
  ): Promise<string>;
}

/**
 * Every staff or member action runs the same way: acknowledge at once, resolve who acts (their roles and the guild's
 * staff roles), check the rule here for a quick plain answer (the workflow checks it again), answer a closed ticket
 * from its row without asking its workflow, and otherwise run the update with answerInTime, which tells the actor
 * within seconds what is known and the outcome when it comes. Failures are answered, never thrown.
 */
export async function actOnTicket(
  interaction: TicketInteraction,
  context: BotContext,
  ticket: TicketRef,
  action: TicketAction,
): Promise<void> {
  try {
    await deferEphemeral(interaction);
    const config = await readInTime(context.guildConfigs.loadGuildConfig(interaction.guildId));
    const actor = actorOf(interaction.member, config);
    const t = interactionWords(interaction, config?.language);
    action.allow(actor, t);
    if (ticket.status === 'closed') {
      await replyEphemeral(interaction, closedTicketAnswer(t, ticket.number, closeFactsOf(ticket), action.attempt));
      return;
    }
    let accepted = false;
    const interim = {
      t,
      pending: async () => action.pending(t),
      unconfirmed: async () => unconfirmedAnswer(t, ticket, accepted),
    };
    await answerInTime(interaction, interim, (show, stillWanted) => {
      const ask: AskTicket = (update, arg) =>
        updateTicket(context.temporal, ticket.workflowId, update, arg, {
          updateId: `bot-${interaction.id}`,
          stillWanted,
          onAccepted: () => {
            accepted = true;
          },
        });
      return actOnLiveTicket(context, ticket, action.attempt, () => action.run(actor, ask, t, show, stillWanted), t);
    });
  } catch (error) {
    await answerFailure(interaction, error);
  }
}

/** Discord stops taking edits before the ticket service answered. */
function unconfirmedAnswer(t: Translate, ticket: TicketRef, accepted: boolean): string {
  return t(accepted ? 'replies.action.accepted' : 'replies.action.unconfirmed', { number: ticket.number });
}

/** The staff actions, as the refusal names them. */
type StaffActionName = 'assign' | 'add' | TimerChange;

function requireStaff(actor: Actor, t: Translate, action: StaffActionName): void {
  if (!canManage(actor)) throw new UserFacingError(t('replies.action.onlyStaff', { action }));
}

export function closeTicketAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  reason: string | null,
  context: BotContext,
): Promise<void> {
  const trimmed = reason?.trim() || null;
  return actOnTicket(interaction, context, ticket, {
    allow(actor, t) {
      if (!canClose(actor, ticket.creatorId)) throw new UserFacingError(t('replies.action.onlyCreatorOrStaff'));
      if (trimmed && trimmed.length > CLOSE_REASON_MAX) {
        throw new UserFacingError(t('replies.action.reasonTooLong', { max: CLOSE_REASON_MAX }));
      }
    },
    attempt: 'close',
    pending: (t) => closePending(t, ticket),
    run: async (actor, ask, t, show, stillWanted) =>
      closeAnswer(t, context, ticket, await ask(closeTicket, { actor, reason: trimmed }), show, stillWanted),
  });
}

/** A staff action that changes the ticket and is answered with `done` once the ticket took it. */
function staffAction(
  name: StaffActionName,
  change: (actor: Actor, ask: AskTicket, t: Translate) => Promise<string>,
): TicketAction {
  return {
    allow: (actor, t) => requireStaff(actor, t, name),
    attempt: 'change',
    pending: (t) => t('replies.requestQueued'),
    run: (actor, ask, t) => change(actor, ask, t),
  };
}

/** Whether the bot found the assignee to be staff, and whether the actor confirmed taking the ticket over. */
export type AssignOptions = Pick<AssignTicketInput, 'assigneeIsStaff' | 'takeOver'>;

export function assignTicketAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  assigneeId: string | null,
  context: BotContext,
  options: AssignOptions = {},
): Promise<void> {
  const subject = { number: ticket.number, ...(assigneeId === null ? {} : { memberId: assigneeId }) };
  return actOnTicket(
    interaction,
    context,
    ticket,
    staffAction('assign', async (actor, ask, t) => {
      await inPeopleWords(t, subject, () => ask(assignTicket, { actor, assigneeId, ...options }));
      if (assigneeId === null) return t('replies.action.unassigned', { number: ticket.number });
      if (assigneeId === actor.id) return t('replies.action.claimed', { number: ticket.number });
      return t('replies.action.assigned', { number: ticket.number, assignee: `<@${assigneeId}>` });
    }),
  );
}

export function addTicketMemberAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  memberId: string,
  context: BotContext,
): Promise<void> {
  return actOnTicket(
    interaction,
    context,
    ticket,
    staffAction('add', async (actor, ask, t) => {
      await ask(addMember, { actor, memberId });
      return t('replies.action.memberAdded', { member: `<@${memberId}>`, number: ticket.number });
    }),
  );
}

/** Turning the timer off asks for a reason first (close-request-actions.ts). */
export type TimerChange = 'pause' | 'resume';

const TIMER_UPDATES = {
  pause: { update: pauseTimer, done: 'paused' },
  resume: { update: resumeTimer, done: 'resumed' },
} as const;

export function changeTicketTimerAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  change: TimerChange,
  context: BotContext,
): Promise<void> {
  return actOnTicket(
    interaction,
    context,
    ticket,
    staffAction(change, async (actor, ask, t) => {
      await ask(TIMER_UPDATES[change].update, { actor });
      return t('replies.action.timer', { number: ticket.number, state: TIMER_UPDATES[change].done });
    }),
  );
}
