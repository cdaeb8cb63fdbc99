import type { RepliableInteraction } from 'discord.js';
import type { Actor } from '../../domain/ticket.ts';
import { canClose, canManage } from '../../domain/ticket-permissions.ts';
import {
  addMember,
  assignTicket,
  closeTicket,
  disableTimer,
  pauseTimer,
  resumeTimer,
} from '../../workflows/definitions.ts';
import { CLOSE_REASON_MAX } from '../../workflows/ticket-validators.ts';
import type { BotContext } from '../bot-context.ts';
import { actorOf } from '../permissions.ts';
import { answerFailure, deferEphemeral, replyEphemeral, UserFacingError } from '../replies.ts';
import type { TicketRef } from './find-ticket.ts';
import { updateTicket } from './ticket-updates.ts';

type TicketInteraction = RepliableInteraction<'cached'>;

/**
 * Every staff or member action runs the same way: acknowledge at once, resolve who acts (their roles and the
 * guild's staff roles), check the rule here for a quick plain answer (the workflow checks it again), run the
 * update, and tell the actor what happened. Failures are answered, never thrown.
 */
async function actOnTicket(
  interaction: TicketInteraction,
  context: BotContext,
  act: (actor: Actor) => Promise<string>,
): Promise<void> {
  try {
    await deferEphemeral(interaction);
    const config = await context.guildConfigs.loadGuildConfig(interaction.guildId);
    await replyEphemeral(interaction, await act(actorOf(interaction.member, config)));
  } catch (error) {
    await answerFailure(interaction, error);
  }
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
  return actOnTicket(interaction, context, async (actor) => {
    if (!canClose(actor, ticket.creatorId)) {
      throw new UserFacingError('Only the member who opened this ticket or staff can close it.');
    }
    const trimmed = reason?.trim() || null;
    if (trimmed && trimmed.length > CLOSE_REASON_MAX) {
      throw new UserFacingError(`A close reason can be at most ${CLOSE_REASON_MAX} characters.`);
    }
    const result = await updateTicket(context, ticket.workflowId, closeTicket, { actor, reason: trimmed });
    if (result.outcome === 'closed') return `Ticket #${ticket.number} is closed.`;
    if (result.outcome === 'closing') {
      return `Ticket #${ticket.number} is closing, but I could not ${result.problem.step}: ${result.problem.message}\nIt finishes by itself once that is fixed.`;
    }
    const by = result.closure.closedById ? ` by <@${result.closure.closedById}>` : '';
    return `Ticket #${ticket.number} was already closed${by}.`;
  });
}

export function assignTicketAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  assigneeId: string | null,
  context: BotContext,
): Promise<void> {
  return actOnTicket(interaction, context, async (actor) => {
    requireStaff(actor, 'assign tickets');
    await updateTicket(context, ticket.workflowId, assignTicket, { actor, assigneeId });
    if (assigneeId === null) return `Ticket #${ticket.number} is no longer assigned.`;
    if (assigneeId === actor.id) return `You claimed ticket #${ticket.number}.`;
    return `Ticket #${ticket.number} is now assigned to <@${assigneeId}>.`;
  });
}

export function addTicketMemberAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  memberId: string,
  context: BotContext,
): Promise<void> {
  return actOnTicket(interaction, context, async (actor) => {
    requireStaff(actor, 'add members to tickets');
    await updateTicket(context, ticket.workflowId, addMember, { actor, memberId });
    return `<@${memberId}> was added to ticket #${ticket.number}.`;
  });
}

export type TimerChange = 'pause' | 'resume' | 'disable';

const TIMER_UPDATES = {
  pause: { update: pauseTimer, done: 'paused' },
  resume: { update: resumeTimer, done: 'resumed' },
  disable: { update: disableTimer, done: 'disabled' },
} as const;

export function changeTicketTimerAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  change: TimerChange,
  context: BotContext,
): Promise<void> {
  return actOnTicket(interaction, context, async (actor) => {
    requireStaff(actor, `${change} the inactivity timer`);
    await updateTicket(context, ticket.workflowId, TIMER_UPDATES[change].update, { actor });
    return `The inactivity timer of ticket #${ticket.number} is ${TIMER_UPDATES[change].done}.`;
  });
}
