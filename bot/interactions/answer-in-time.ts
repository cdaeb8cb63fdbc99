import { setTimeout as sleep } from 'node:timers/promises';
import type { RepliableInteraction } from 'discord.js';
import type { Translate } from '../../i18n/translate.ts';
import { TicketRefusal } from '../../temporal/ticket-updates.ts';
import { logFailure, NO_PINGS, UserFacingError } from '../replies.ts';
import { ticketRefusalWords } from '../tickets/ticket-refusal-words.ts';

/** A member hears within this long what is known, however slow or absent the ticket service is. */
export const ANSWER_WITHIN_MS = 5_000;
/** Discord accepts edits of an interaction's answer for 15 minutes after the interaction. */
export const TOKEN_LIFE_MS = 15 * 60_000;
/** The last edit is sent this long before the token expires, so it lands while Discord still takes it. */
const LAST_EDIT_MARGIN_MS = 30_000;

/** What is true while the outcome is not known, for the answer-in-time of one request. */
export interface InterimAnswers {
  /** The member's words, for what answerInTime says itself: a failure, or a request it could not confirm. */
  t: Translate;
  /** Shown once the outcome has taken longer than ANSWER_WITHIN_MS, unless `work` has shown something. */
  pending(): Promise<string>;
  /**
   * Shown when the interaction's token runs out before the outcome is known, unless `work` has shown a step, which
   * stays as the last word; `work` is then abandoned.
   */
  unconfirmed(): Promise<string>;
}

/**
 * The request itself. It may `show` a step on the way (a close held up, then finished), returns the final answer,
 * and should stop retrying once `stillWanted` is aborted: nobody can be told its outcome any more.
 */
export type TimedWork = (show: (text: string) => Promise<void>, stillWanted: AbortSignal) => Promise<string>;

/** The part of an interaction answerInTime uses: a deferred one whose answer it edits. */
export type DeferredAnswer = Pick<RepliableInteraction, 'createdTimestamp' | 'editReply' | 'id'>;

export interface AnswerTiming {
  answerWithinMs: number;
  tokenLifeMs: number;
}

const DISCORD_TIMING: AnswerTiming = { answerWithinMs: ANSWER_WITHIN_MS, tokenLifeMs: TOKEN_LIFE_MS };

/**
 * Answers a deferred interaction in time, saying only what is known: the outcome if `work` finishes within
 * ANSWER_WITHIN_MS; otherwise first what is true meanwhile (`pending`), then the outcome when it comes, as long as
 * Discord still takes edits of the answer, and `unconfirmed` when it runs out first. Resolves once the answer is
 * final; it never throws.
 */
export async function answerInTime(
  interaction: DeferredAnswer,
  interim: InterimAnswers,
  work: TimedWork,
  timing: AnswerTiming = DISCORD_TIMING,
): Promise<void> {
  const { t } = interim;
  // Something unexpected failed after the request may have reached the ticket: nothing can be promised either way.
  const notConfirmed = t('replies.notConfirmed');
  const giveUp = new AbortController();
  const timers = new AbortController();
  let final = false;
  let stepShown = false;
  let edits: Promise<void> = Promise.resolve();
  const show = (text: string, last = false): Promise<void> => {
    if (final) return edits;
    final = last;
    edits = edits
      .then(() => interaction.editReply({ content: text, components: [], allowedMentions: NO_PINGS }))
      .then(
        () => undefined,
        (error: unknown) => logFailure(`could not edit the answer to interaction ${interaction.id}`, error),
      );
    return edits;
  };

  const showStep = (text: string) => {
    stepShown = true;
    return show(text);
  };
  const outcome = work(showStep, giveUp.signal).then(
    (text) => text,
    // Work abandoned at the token's end fails as it stops; that is no failure worth logging.
    (error: unknown) => (giveUp.signal.aborted ? notConfirmed : wordsForFailure(interaction, t, error, notConfirmed)),
  );
  const lastEditAt = interaction.createdTimestamp + timing.tokenLifeMs - LAST_EDIT_MARGIN_MS;
  try {
    const early = await Promise.race([outcome, after(timing.answerWithinMs, timers.signal)]);
    if (early !== LATE) return await show(early, true);
    if (!stepShown) {
      const pending = await interim.pending().catch(() => t('replies.requestQueued'));
      // `work` may have shown a step while `pending` was being worked out; that step is the newer news.
      if (!stepShown) await show(pending);
    }
    const late = await Promise.race([outcome, after(lastEditAt - Date.now(), timers.signal)]);
    if (late !== LATE) return await show(late, true);
    giveUp.abort();
    if (!stepShown) await show(await interim.unconfirmed().catch(() => notConfirmed), true);
  } finally {
    timers.abort();
  }
}

const LATE = Symbol('late');

/** Resolves with LATE after `ms`, or never once `cancel` aborts; its timer does not keep the process alive. */
function after(ms: number, cancel: AbortSignal): Promise<typeof LATE> {
  return sleep(Math.max(0, ms), LATE, { signal: cancel, ref: false }).catch(() => new Promise<never>(() => undefined));
}

function wordsForFailure(interaction: DeferredAnswer, t: Translate, error: unknown, notConfirmed: string): string {
  if (error instanceof TicketRefusal) return ticketRefusalWords(t, error);
  if (error instanceof UserFacingError) return error.message;
  logFailure(`interaction ${interaction.id} failed`, error);
  return notConfirmed;
}
