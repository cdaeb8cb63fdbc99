import type { UpdateDefinition } from '@temporalio/common';
import type { RepliableInteraction } from 'discord.js';
import type { Actor } from '../../domain/ticket.ts';
import { canClose, canManage } from '../../domain/ticket-permissions.ts';
import { resolveLocale } from '../../i18n/locales.ts';
import { translator } from '../../i18n/translate.ts';
import type { TicketRef } from '../../store/find-ticket.ts';
import { updateTicket } from '../../temporal/ticket-updates.ts';
import {
  type AssignTicketInput,
  addMember,
  assignTicket,
  closeTicket,
  pauseTimer,
  resumeTimer,
} from '../../workflows/definitions.ts';
import { CLOSE_REASON_MAX } from '../../workflows/ticket-validators.ts';
import type { BotContext } from '../bot-context.ts';
import { answerInTime } from '../interactions/answer-in-time.ts';
import { readInTime } from '../interactions/read-in-time.ts';
import { actorOf } from '../permissions.ts';
import { answerFailure, deferEphemeral, REQUEST_QUEUED, replyEphemeral, UserFacingError } from '../replies.ts';
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
  allow(actor: Actor): void;
  /** Whether it closes the ticket or changes it, for the answer when the ticket turns out to be closed. */
  attempt: 'close' | 'change';
  /** What is true while the ticket has not answered. */
  pending: string;
  /** Asks the ticket and words its answer; may `show` a step on the way. */
  run(actor: Actor, ask: AskTicket, show: (text: string) => Promise<void>, stillWanted: AbortSignal): Promise<string>;
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
    action.allow(actor);
    if (ticket.status === 'closed') {
      await replyEphemeral(interaction, closedTicketAnswer(ticket.number, closeFactsOf(ticket), action.attempt));
      return;
    }
    let accepted = false;
    const interim = {
      pending: async () => action.pending,
      unconfirmed: async () => unconfirmedAnswer(ticket, accepted),
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
      return actOnLiveTicket(context, ticket, action.attempt, () => action.run(actor, ask, show, stillWanted));
    });
  } catch (error) {
    await answerFailure(interaction, error);
  }
}

/** Discord stops taking edits before the ticket service answered. */
function unconfirmedAnswer(ticket: TicketRef, accepted: boolean): string {
  return accepted
    ? `Ticket #${ticket.number} has your request and completes it once the ticket service is back.`
    : `The ticket service did not answer for 15 minutes, so your request may not have reached ticket #${ticket.number}. ` +
        'Once the service is back, look at the ticket and try again if nothing happened: asking twice changes nothing twice.';
}

function requireStaff(actor: Actor, what: string): void {
  if (!canManage(actor)) throw new UserFacingError(`Only staff can ${what}.`);
}

export function closeTicketAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  reason: string | null,
  context: BotContext,
): Promise<void> {
  const trimmed = reason?.trim() || null;
  return actOnTicket(interaction, context, ticket, {
    allow(actor) {
      if (!canClose(actor, ticket.creatorId)) {
        throw new UserFacingError('Only the member who opened this ticket or staff can close it.');
      }
      if (trimmed && trimmed.length > CLOSE_REASON_MAX) {
        throw new UserFacingError(`A close reason can be at most ${CLOSE_REASON_MAX} characters.`);
      }
    },
    attempt: 'close',
    pending: closePending(ticket),
    run: async (actor, ask, show, stillWanted) =>
      closeAnswer(context, ticket, await ask(closeTicket, { actor, reason: trimmed }), show, stillWanted),
  });
}

/** A staff action that changes the ticket and is answered with `done` once the ticket took it. */
export function staffAction(what: string, change: (actor: Actor, ask: AskTicket) => Promise<string>): TicketAction {
  return {
    allow: (actor) => requireStaff(actor, what),
    attempt: 'change',
    pending: REQUEST_QUEUED,
    run: (actor, ask) => change(actor, ask),
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
  const t = translator(resolveLocale(interaction.locale, interaction.guildLocale));
  const subject = { number: ticket.number, ...(assigneeId === null ? {} : { memberId: assigneeId }) };
  return actOnTicket(
    interaction,
    context,
    ticket,
    staffAction('assign tickets', async (actor, ask) => {
      await inPeopleWords(t, subject, () => ask(assignTicket, { actor, assigneeId, ...options }));
      if (assigneeId === null) return `Ticket #${ticket.number} is no longer assigned.`;
      if (assigneeId === actor.id) return `You claimed ticket #${ticket.number}.`;
      return `Ticket #${ticket.number} is now assigned to <@${assigneeId}>.`;
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
    staffAction('add members to tickets', async (actor, ask) => {
      await ask(addMember, { actor, memberId });
      return `<@${memberId}> was added to ticket #${ticket.number}.`;
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
    staffAction(`${change} the inactivity timer`, async (actor, ask) => {
      await ask(TIMER_UPDATES[change].update, { actor });
      return `The inactivity timer of ticket #${ticket.number} is ${TIMER_UPDATES[change].done}.`;
    }),
  );
}
