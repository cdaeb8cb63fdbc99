import * as wf from '@temporalio/workflow';
import type { ClosureFacts } from '../../domain/ticket.ts';
import { RATING_WINDOW_MS } from '../../domain/ticket-rating.ts';
import { validateRating, validateReopen } from './after-close-validators.ts';
import { bestEffort } from './best-effort.ts';
import { retireTicketSpace } from './channel-mode.ts';
import { type Closed, render, storeLateMessages } from './closing.ts';
import { rateTicket, reopenTicket, type TicketView } from './definitions.ts';
import type { MessagePump } from './message-pump.ts';
import { recordRating } from './rating.ts';
import { reopenTicketRecord } from './reopen.ts';
import type { TicketRun } from './run.ts';

/** Marks runs in which a closed ticket stays reopenable for the guild's reopen window. */
export const REOPEN_WINDOW_PATCH = 'reopen-window';
/** Marks runs that message the creator after a close and take their rating for 7 days. */
export const RATINGS_CLOSING_DM_PATCH = 'ratings-closing-dm';
/** Marks runs whose transcript is made again once the creator rates the close, so it shows the rating. */
export const TRANSCRIPT_RATING_PATCH = 'transcript-rating';

/** For tickets whose settings were captured before guilds chose a reopen window: the guild default. */
export const DEFAULT_REOPEN_WINDOW_MS = 7 * 24 * 3_600_000;

/** What this run does after a close; decided at its start, so it replays the same. */
export interface AfterCloseRules {
  reopens: boolean;
  rates: boolean;
}

/** Only runs that follow the hardened rules get the phase; runs of older workers end at the close. */
export function afterCloseRulesOf(run: TicketRun): AfterCloseRules {
  return {
    reopens: run.hardened && wf.patched(REOPEN_WINDOW_PATCH),
    rates: run.hardened && wf.patched(RATINGS_CLOSING_DM_PATCH),
  };
}

export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * The reopen and rating updates. Set before the workflow's first await; both refuse on a ticket that is not closed,
 * and each runs in turn with the ticket's other changes. `onReopened` lets the open loop take closes again.
 */
export function setAfterCloseHandlers(
  run: TicketRun,
  rules: AfterCloseRules,
  exclusive: Exclusive,
  onReopened: () => void,
): void {
  const { ticket } = run;
  wf.setHandler(
    reopenTicket,
    ({ actor }) =>
      exclusive(async () => {
        // Checked again: a change queued ahead of this one may have reopened the ticket or outlived the window.
        validateReopen(ticket, actor, rules.reopens, Date.now());
        await reopenTicketRecord(run, actor, onReopened);
        return ticket;
      }),
    {
      validator: ({ actor }) => validateReopen(ticket, actor, rules.reopens, Date.now()),
      description: 'The creator or staff reopen the closed ticket within the reopen window: same number and thread.',
    },
  );
  wf.setHandler(
    rateTicket,
    ({ actor, stars, comment }) =>
      exclusive(async () => {
        validateRating(ticket, actor, stars, comment, Date.now());
        await recordRating(run, { stars, comment: comment?.trim() || null, ratedAt: Date.now() });
        return ticket;
      }),
    {
      validator: ({ actor, stars, comment }) => validateRating(ticket, actor, stars, comment, Date.now()),
      description: "The creator rates the ticket's last close, 1 to 5 stars with an optional comment, within 7 days.",
    },
  );
}

/** Called as the close begins: with a reopen window, the closing notice offers a Reopen button until it ends. */
export function openReopenWindow(run: TicketRun, rules: AfterCloseRules, closedAt: number): void {
  if (!rules.reopens) return;
  const windowMs = run.ticket.settings?.reopenWindowMs ?? DEFAULT_REOPEN_WINDOW_MS;
  run.ticket.reopenUntil = windowMs > 0 ? closedAt + windowMs : undefined;
}

export interface ClosedPhase {
  rules: AfterCloseRules;
  pump: MessagePump;
  exclusive: Exclusive;
  /** Languages for the creator's direct message, in order of preference. */
  creatorLocales: (string | null)[];
  historyIsLong(): boolean;
  /** Carries the closed ticket (and the messages still queued) to a new run. */
  continueAsNew(): Promise<never>;
}

/**
 * The closed ticket, until its run ends. It asks the creator for a rating (and tells them why it closed), then waits
 * for the reopen window and the rating, side by side, storing late messages and making the transcript again.
 * Returns `reopened` when the creator or staff reopened it, `final` when both waits are over.
 * Runs without the phase store late messages and end, as they did.
 */
export async function afterClose(run: TicketRun, closed: Closed, phase: ClosedPhase): Promise<'reopened' | 'final'> {
  const { rules, pump } = phase;
  if (!rules.reopens && !rules.rates) {
    if (run.hardened) {
      await storeLateMessages(run, closed, pump);
      await retireTicketSpace(run);
    } else await wf.condition(wf.allHandlersFinished);
    return 'final';
  }
  const { ticket } = run;
  const closure = closed.closure;
  if (rules.rates && ticket.creatorAskedFor !== closure.closedAt) {
    await phase.exclusive(() => askCreator(run, closure, phase.creatorLocales));
  }
  // A function, so the checks after an await are not narrowed away by the one before it.
  const reopened = () => ticket.status === 'open';
  let storedInTranscript = closed.storedInTranscript;
  for (;;) {
    if (reopened()) return 'reopened';
    if (!pump.idle()) {
      await pump.settled();
      if (pump.stored() !== storedInTranscript) {
        storedInTranscript = pump.stored();
        await phase.exclusive(() => render(run, closure));
      }
      continue;
    }
    const endsAt = closedPhaseEnd(ticket);
    if (Date.now() >= endsAt) {
      // A reopen or rating taken before the end completes first; the run ends with nothing pending.
      if (wf.allHandlersFinished()) {
        await retireTicketSpace(run);
        return 'final';
      }
      await wf.condition(() => wf.allHandlersFinished() || !pump.idle());
      continue;
    }
    if (phase.historyIsLong()) {
      pump.pause();
      await wf.condition(() => reopened() || (wf.allHandlersFinished() && !pump.busy()));
      pump.resume();
      if (reopened()) return 'reopened';
      return phase.continueAsNew();
    }
    const rated = ticket.rating !== undefined;
    await wf.condition(
      () =>
        ticket.status === 'open' || !pump.idle() || (ticket.rating !== undefined) !== rated || phase.historyIsLong(),
      endsAt - Date.now(),
    );
    // The transcript was made at the close; the rating came after it. Asked only when one came, so other runs
    // carry no marker; before the channel may go (the loop's next turn can find the ticket final).
    const ratedNow = !rated && ticket.rating !== undefined && !reopened();
    if (ratedNow && wf.patched(TRANSCRIPT_RATING_PATCH)) await phase.exclusive(() => render(run, closure));
  }
}

/** When the closed ticket is final: its reopen window and its rating wait (unless rated) are both over. */
function closedPhaseEnd(ticket: TicketView): number {
  const ratingWait = ticket.rating === undefined ? (ticket.ratingUntil ?? 0) : 0;
  return Math.max(ticket.reopenUntil ?? 0, ratingWait);
}

/**
 * One direct message to the creator: the closing reason and the transcript's link (unless the guild turned that
 * off) and the rating buttons. Their DMs closed, the rating is asked in the thread, where only they may answer.
 * Neither is worth holding the ticket up: a failure is logged and the rating can still be given from the thread.
 */
async function askCreator(run: TicketRun, closure: ClosureFacts, locales: (string | null)[]): Promise<void> {
  const { ticket } = run;
  ticket.ratingUntil = closure.closedAt + RATING_WINDOW_MS;
  const sent = await bestEffort(run, 'message the creator', () =>
    run.act.messageCreator({
      userId: ticket.creator.id,
      idempotencyKey: run.nextKey('creator_message'),
      message: {
        kind: 'closed',
        ticket: run.facts(),
        closure,
        locales,
        closingDetails: ticket.settings?.closingDmEnabled !== false,
        askRating: true,
        ...(ticket.reopenUntil === undefined ? {} : { reopenUntil: ticket.reopenUntil }),
      },
    }),
  );
  const threadId = ticket.threadId;
  if (sent?.outcome === 'dms_closed' && threadId) {
    const key = run.nextKey('rating_prompt');
    const notice = { kind: 'rating_prompt', ticket: run.facts() } as const;
    // A closed ticket's channel is only read-only to its people; a closed thread must be unarchived to take it.
    await bestEffort(run, 'ask for a rating in the thread', () =>
      ticket.channelKind === 'channel'
        ? run.act.postNotice({ channelId: threadId, idempotencyKey: key, notice })
        : run.act.postInClosedThread({ threadId, idempotencyKey: key, notice }),
    );
  }
  ticket.creatorAskedFor = closure.closedAt;
}
