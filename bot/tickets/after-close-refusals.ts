import { WorkflowNotFoundError } from '@temporalio/client';
import type { Translate } from '../../i18n/translate.ts';
import { TicketRefusal } from '../../temporal/ticket-updates.ts';
import { AFTER_CLOSE_REFUSALS } from '../../workflows/ticket/after-close-validators.ts';
import { UserFacingError } from '../replies.ts';

/**
 * A reopen the ticket refused, in the member's language. A ticket whose run has ended is final: its reopen window
 * is over (or the guild keeps none). Anything else is not a refusal and is passed on as it is.
 */
export function reopenRefusal(t: Translate, number: number, error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) return new UserFacingError(t('reopen.windowOver', { number }));
  if (!(error instanceof TicketRefusal)) return error;
  switch (error.type) {
    case AFTER_CLOSE_REFUSALS.notClosed:
      return new UserFacingError(t('reopen.notClosed', { number }));
    case AFTER_CLOSE_REFUSALS.reopenOff:
      return new UserFacingError(t('reopen.reopenOff', { number }));
    case AFTER_CLOSE_REFUSALS.reopenWindowOver:
      return new UserFacingError(t('reopen.windowOver', { number }));
    case 'Forbidden':
      return new UserFacingError(t('reopen.forbidden', { number }));
    case 'ThreadGone':
      return new UserFacingError(t('reopen.threadGone', { number }));
    default:
      return error;
  }
}

/** A rating the ticket refused, in the creator's language; an ended run takes no rating any more. */
export function ratingRefusal(t: Translate, number: number, error: unknown, commentMax: number): unknown {
  if (error instanceof WorkflowNotFoundError) return new UserFacingError(t('rating.ratingClosed', { number }));
  if (!(error instanceof TicketRefusal)) return error;
  switch (error.type) {
    case AFTER_CLOSE_REFUSALS.notClosed:
      return new UserFacingError(t('rating.notClosed', { number }));
    case AFTER_CLOSE_REFUSALS.ratingClosed:
      return new UserFacingError(t('rating.ratingClosed', { number }));
    case AFTER_CLOSE_REFUSALS.alreadyRated:
      return new UserFacingError(t('rating.alreadyRated', { number }));
    case 'Forbidden':
      return new UserFacingError(t('rating.forbidden', { number }));
    case 'InvalidRequest':
      return new UserFacingError(t('rating.invalid', { max: commentMax }));
    default:
      return error;
  }
}
