import { TimestampStyles, time } from 'discord.js';
import type { ProblemTarget, TicketProblem } from '../../domain/ticket.ts';

/** What is known of a close, from the ticket's row or from its workflow's answer. */
export interface CloseFacts {
  /** null when the ticket closed by itself (inactivity, its thread deleted). */
  closedById: string | null;
  closedAt: Date | number | null;
  reason: string | null;
}

/** `by <@1> on <t:…:f> (reason: "Solved")`: who closed it, when and why, as far as known. */
function whoWhenWhy({ closedById, closedAt, reason }: CloseFacts): string {
  return [
    closedById ? `by <@${closedById}>` : 'automatically',
    ...(closedAt !== null ? [`on ${time(new Date(closedAt), TimestampStyles.ShortDateTime)}`] : []),
    ...(reason ? [`(reason: "${reason}")`] : []),
  ].join(' ');
}

/**
 * The answer to any action on a closed ticket: who closed it, when and why, and that nothing changed. `attempt` is
 * what the member tried: closing it again, or changing it.
 */
export function closedTicketAnswer(number: number, facts: CloseFacts, attempt: 'close' | 'change'): string {
  return attempt === 'close'
    ? `Ticket #${number} was already closed ${whoWhenWhy(facts)}. Nothing was changed.`
    : `Ticket #${number} was closed ${whoWhenWhy(facts)}, so nothing was changed.`;
}

const SERVICE_OF: Record<ProblemTarget, string> = {
  thread: 'Discord',
  histories_channel: 'Discord',
  reminders_channel: 'Discord',
  database: 'the ticket database',
  transcripts: 'the transcript storage or the ticket database',
};

/**
 * A close under way that a problem holds up: what holds it, in words the guild can act on. A missing permission is
 * named as the worker named it; any other failure only by the service that fails, never by its internal error.
 */
export function closingAnswer(number: number, problem: TicketProblem): string {
  if (problem.kind === 'missing_permission') {
    const needs = /the bot needs .*/.exec(problem.message)?.[0] ?? 'Discord refuses it for a missing permission';
    return `Ticket #${number} is closing, but I cannot ${problem.step} yet: ${needs}. It finishes by itself once that is granted.`;
  }
  return `Ticket #${number} is closing, but I cannot ${problem.step} yet: ${SERVICE_OF[problem.target]} is not answering. It finishes by itself once it is back.`;
}
