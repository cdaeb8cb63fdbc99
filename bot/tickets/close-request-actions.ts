import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import {
  CLOSE_REQUEST_DEFAULT_AFTER_MS,
  CLOSE_REQUEST_MAX_AFTER_MS,
  CLOSE_REQUEST_MIN_AFTER_MS,
  type CloseRequestAnswer,
  isValidCloseRequestAfter,
} from '../../domain/close-request.ts';
import { canAnswerCloseRequest, canManage } from '../../domain/ticket-permissions.ts';
import type { MessageKey, Translate } from '../../i18n/translate.ts';
import type { TicketRef } from '../../store/find-ticket.ts';
import { log } from '../../telemetry/log-context.ts';
import { TicketRefusal } from '../../temporal/ticket-updates.ts';
import { answerCloseRequest, disableTimer, requestClose } from '../../workflows/ticket/definitions.ts';
import { TIMER_DISABLE_REASON_MAX } from '../../workflows/ticket/timer-reason.ts';
import { CLOSE_REASON_MAX } from '../../workflows/ticket/validators.ts';
import type { BotContext } from '../bot-context.ts';
import { UserFacingError } from '../replies.ts';
import { actOnTicket, type TicketInteraction } from './actions.ts';

const HOUR = 3_600_000;

/** The ticket's refusals this module answers in the member's language; others keep the ticket's own words. */
async function inOwnWords<T>(t: Translate, refusals: Record<string, MessageKey>, ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    const key = error instanceof TicketRefusal ? refusals[error.type] : undefined;
    if (key) throw new UserFacingError(t(key));
    throw error;
  }
}

/**
 * Staff ask the ticket's creator to confirm the close (`/ticket close-request`, the Request close button). Refused,
 * with nothing changed, when the asker is not staff, the reason or time is out of bounds, or the creator has left the
 * thread (nobody could answer).
 */
export function requestCloseAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  reason: string | null,
  afterMs: number | null,
  context: BotContext,
): Promise<void> {
  const trimmed = reason?.trim() || null;
  return actOnTicket(interaction, context, ticket, {
    allow(actor, t) {
      if (!canManage(actor)) throw new UserFacingError(t('close-request.onlyStaffRequest'));
      if (trimmed && trimmed.length > CLOSE_REASON_MAX) {
        throw new UserFacingError(t('close-request.reasonTooLong', { max: CLOSE_REASON_MAX }));
      }
      if (afterMs !== null && !isValidCloseRequestAfter(afterMs)) {
        throw new UserFacingError(
          t('close-request.afterOutOfRange', {
            min: CLOSE_REQUEST_MIN_AFTER_MS / HOUR,
            max: CLOSE_REQUEST_MAX_AFTER_MS / HOUR,
          }),
        );
      }
    },
    attempt: 'change',
    pending: (t) => t('replies.requestQueued'),
    async run(actor, ask, t) {
      if (!(await creatorInThread(interaction, ticket))) {
        throw new UserFacingError(t('close-request.creatorNotInThread', { number: ticket.number }));
      }
      const view = await inOwnWords(t, { CloseRequestPending: 'close-request.alreadyPending' }, () =>
        ask(requestClose, { actor, reason: trimmed, afterMs: afterMs ?? CLOSE_REQUEST_DEFAULT_AFTER_MS }),
      );
      const closesAt = view.pendingCloseRequest?.closesAt ?? Date.now() + (afterMs ?? CLOSE_REQUEST_DEFAULT_AFTER_MS);
      return t('close-request.requested', {
        number: ticket.number,
        creatorId: ticket.creatorId,
        closesAt: `<t:${Math.floor(closesAt / 1000)}:R>`,
      });
    },
  });
}

/**
 * Whether the creator is still in the ticket's thread, by one Get Thread Member request (listing the thread's
 * members would need the privileged Server Members intent). Only Discord's Unknown Member is a no: when Discord
 * cannot tell, the request is made all the same, since it still closes the ticket by itself if nobody answers.
 */
async function creatorInThread(interaction: TicketInteraction, ticket: TicketRef): Promise<boolean> {
  if (!ticket.threadId) return false;
  const thread = await interaction.client.channels.fetch(ticket.threadId).catch(() => null);
  if (!thread?.isThread()) return false;
  try {
    await thread.members.fetch({ member: ticket.creatorId, cache: false });
    return true;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMember) return false;
    log().warn({ err: error, threadId: ticket.threadId }, 'could not tell whether the creator is in the thread');
    return true;
  }
}

/** Accept or Keep open under a close request: only the creator, or staff for Accept, may press. */
export function answerCloseRequestAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  requestId: number,
  answer: CloseRequestAnswer,
  context: BotContext,
): Promise<void> {
  const notAllowed =
    answer === 'accept' ? 'close-request.onlyCreatorOrStaffAccept' : 'close-request.onlyCreatorKeepOpen';
  return actOnTicket(interaction, context, ticket, {
    allow(actor, t) {
      if (!canAnswerCloseRequest(actor, ticket.creatorId, answer)) throw new UserFacingError(t(notAllowed));
    },
    attempt: answer === 'accept' ? 'close' : 'change',
    pending: (t) => t('replies.requestQueued'),
    async run(actor, ask, t) {
      await inOwnWords(t, { CloseRequestEnded: 'close-request.requestEnded', Forbidden: notAllowed }, () =>
        ask(answerCloseRequest, { actor, requestId, answer }),
      );
      return t(answer === 'accept' ? 'close-request.accepted' : 'close-request.keptOpen', { number: ticket.number });
    },
  });
}

/** Turns the inactivity timer off with staff's reason, from the reason modal. */
export function disableTimerWithReasonAs(
  interaction: TicketInteraction,
  ticket: TicketRef,
  reason: string,
  context: BotContext,
): Promise<void> {
  const trimmed = reason.trim();
  return actOnTicket(interaction, context, ticket, {
    allow(actor, t) {
      if (!canManage(actor)) throw new UserFacingError(t('close-request.onlyStaffTimer'));
      if (!trimmed || trimmed.length > TIMER_DISABLE_REASON_MAX) {
        throw new UserFacingError(t('close-request.timerReasonInvalid', { max: TIMER_DISABLE_REASON_MAX }));
      }
    },
    attempt: 'change',
    pending: (t) => t('replies.requestQueued'),
    async run(actor, ask, t) {
      await ask(disableTimer, { actor, reason: trimmed });
      return t('close-request.timerDisabled', { number: ticket.number, reason: trimmed });
    },
  });
}
