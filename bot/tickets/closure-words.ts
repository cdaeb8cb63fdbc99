import { TimestampStyles, time } from 'discord.js';
import type { ProblemTarget, TicketProblem } from '../../domain/ticket.ts';
import type { Translate } from '../../i18n/translate.ts';

/** What is known of a close, from the ticket's row or from its workflow's answer. */
export interface CloseFacts {
  /** null when the ticket closed by itself (inactivity, its thread deleted). */
  closedById: string | null;
  closedAt: Date | number | null;
  reason: string | null;
}

/**
 * The answer to any action on a closed ticket: who closed it, when (a Discord timestamp, shown in the reader's own
 * zone and language) and why, and that nothing changed. `attempt` is what the member tried: closing it again, or
 * changing it.
 */
export function closedTicketAnswer(
  t: Translate,
  number: number,
  { closedById, closedAt, reason }: CloseFacts,
  attempt: 'close' | 'change',
): string {
  const values = {
    number,
    closer: closedById ? `<@${closedById}>` : '',
    when:
      closedAt !== null
        ? t('replies.closed.when', { at: time(new Date(closedAt), TimestampStyles.ShortDateTime) })
        : '',
    why: reason ? t('replies.closed.why', { reason }) : '',
  };
  if (attempt === 'close') {
    return t(closedById ? 'replies.closed.alreadyBy' : 'replies.closed.alreadyAutomatically', values);
  }
  return t(closedById ? 'replies.closed.changeBy' : 'replies.closed.changeAutomatically', values);
}

const SERVICE_OF: Record<ProblemTarget, 'discord' | 'database' | 'transcripts'> = {
  thread: 'discord',
  histories_channel: 'discord',
  reminders_channel: 'discord',
  database: 'database',
  transcripts: 'transcripts',
};

/**
 * A close under way that a problem holds up: what holds it, in words the guild can act on. A missing permission is
 * named as the worker named it; any other failure only by the service that fails, never by its internal error.
 */
export function closingAnswer(t: Translate, number: number, problem: TicketProblem): string {
  if (problem.kind === 'missing_permission') {
    const needs = /the bot needs .*/.exec(problem.message)?.[0] ?? t('replies.close.missingPermission');
    return t('replies.close.closingHeldPermission', { number, step: problem.step, needs });
  }
  return t('replies.close.closingHeldService', { number, step: problem.step, service: SERVICE_OF[problem.target] });
}
