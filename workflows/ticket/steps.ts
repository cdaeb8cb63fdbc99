import { ActivityFailure, ApplicationFailure, condition, log } from '@temporalio/workflow';
import type { ProblemTarget, TicketProblem } from '../../domain/ticket.ts';
import type { TicketRun } from './run.ts';

/** The Discord activities' failure types the workflow tells apart (activities/discord/failures.ts names them). */
const DISCORD_NOT_FOUND = 'DiscordNotFound';
const DISCORD_FORBIDDEN = 'DiscordForbidden';

/** Targets on Discord, where a 404 means someone deleted the thread or channel. */
const DISCORD_TARGETS: readonly ProblemTarget[] = ['thread', 'histories_channel', 'reminders_channel'];

const MINUTE = 60_000;
/** A held-up step is retried after 1, 2, 4 ... minutes, at most hourly: a long wait adds few events to history. */
const RETRY_CAP = 60 * MINUTE;

export interface StepSpec {
  target: ProblemTarget;
  /** The step in words, for operators and staff: `lock the thread`. */
  step: string;
  /**
   * `wait` (the default): a failing step is retried on a durable timer, or at once when the guild's settings or
   * permissions change, until it succeeds. `report`: the problem is recorded and the step returns `held_up`, for
   * callers that must not wait here (the timer loop waits itself; a staff action's notice is not worth waiting for).
   */
  onProblem?: 'wait' | 'report';
  /** Also a final answer rather than a problem: Discord's 403 (opening a ticket the bot may not open). */
  forbiddenIsFinal?: boolean;
}

export type StepOutcome<T> =
  | { done: true; value: T }
  /** Discord answered 404 (or, with `forbiddenIsFinal` or in an older run, 403): the thread or channel is gone. */
  | { done: false; why: 'gone'; message: string }
  | { done: false; why: 'held_up'; problem: TicketProblem };

function failureType(err: unknown): string | undefined {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure
    ? (err.cause.type ?? undefined)
    : undefined;
}

function failureMessage(err: unknown): string {
  return err instanceof ActivityFailure && err.cause instanceof Error ? err.cause.message : String(err);
}

/**
 * Runs one step of the ticket. A 404 from Discord means the thread or channel was deleted by hand: the caller
 * decides what that means. Any other failure that outlasts the activity's own retries becomes the ticket's
 * visible problem (search attribute `TicketProblem`, the UI's details, a log line naming the permission, and for
 * a missing permission a notice to staff where one can be posted) and the step is retried until it succeeds.
 * Runs begun by older workers keep their old rule: a 403 counted as gone, and other failures failed the run.
 */
export async function runStep<T>(run: TicketRun, spec: StepSpec, call: () => Promise<T>): Promise<StepOutcome<T>> {
  for (;;) {
    try {
      const value = await call();
      run.clearProblem(spec.target);
      return { done: true, value };
    } catch (err) {
      const type = failureType(err);
      const forbidden = type === DISCORD_FORBIDDEN;
      const onDiscord = DISCORD_TARGETS.includes(spec.target);
      if (onDiscord && (type === DISCORD_NOT_FOUND || (forbidden && (spec.forbiddenIsFinal || !run.hardened)))) {
        log.warn('ticket step skipped: Discord refused it', { workflowId: run.ticket.workflowId, step: spec.step });
        return { done: false, why: 'gone', message: failureMessage(err) };
      }
      if (!run.hardened || !(err instanceof ActivityFailure)) throw err;
      const problem = run.noteProblem(spec.target, {
        step: spec.step,
        kind: forbidden ? 'missing_permission' : 'failing',
        message: failureMessage(err),
      });
      if (problem.attempts === 1 && forbidden) await tellStaff(run, problem);
      if (spec.onProblem === 'report') return { done: false, why: 'held_up', problem };
      await waitToRetry(run, problem);
    }
  }
}

/** How long a held-up step waits before its next try. */
export function retryDelay(problem: TicketProblem): number {
  return Math.min(MINUTE * 2 ** Math.min(problem.attempts - 1, 6), RETRY_CAP);
}

/** Waits out the retry delay, or less when the guild's settings or permissions change, or `until` turns true. */
export async function waitToRetry(run: TicketRun, problem: TicketProblem, until: () => boolean = () => false) {
  const generation = run.retryGeneration;
  await condition(() => run.retryGeneration !== generation || until(), retryDelay(problem), {
    summary: `retry: ${problem.step}`,
  });
}

/**
 * A missing permission is the guild's to fix, so staff hear of it: in the thread when the problem is elsewhere,
 * else in the reminders or histories channel. Once per problem, and never held up itself.
 */
async function tellStaff(run: TicketRun, problem: TicketProblem): Promise<void> {
  const { ticket } = run;
  const channelId =
    problem.target === 'thread'
      ? (ticket.settings?.remindersChannelId ?? ticket.settings?.historiesChannelId)
      : ticket.threadId;
  if (!channelId) return;
  try {
    await run.act.postNotice({
      channelId,
      idempotencyKey: run.nextKey('problem'),
      notice: { kind: 'problem', ticket: run.facts(), problem },
    });
  } catch (err) {
    log.warn('staff could not be told of a held-up step', {
      workflowId: ticket.workflowId,
      step: problem.step,
      error: failureMessage(err),
    });
  }
}
