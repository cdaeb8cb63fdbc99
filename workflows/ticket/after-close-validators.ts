import type { Actor } from '../../domain/ticket.ts';
import { canRate, canReopen } from '../../domain/ticket-permissions.ts';
import { isRatingStars, RATING_COMMENT_MAX } from '../../domain/ticket-rating.ts';
import type { TicketView } from './definitions.ts';
import { reject, requireActor } from './validators.ts';

/**
 * Refusal types of the reopen and rating updates; the bot answers each in the member's language (see
 * bot/tickets/after-close-refusals.ts), so a type is part of that interface.
 */
export const AFTER_CLOSE_REFUSALS = {
  notClosed: 'TicketNotClosed',
  reopenOff: 'ReopenOff',
  reopenWindowOver: 'ReopenWindowOver',
  ratingClosed: 'RatingClosed',
  alreadyRated: 'AlreadyRated',
} as const;

function requireClosed(ticket: TicketView, what: string): void {
  if (ticket.status === 'opening') reject('TicketOpening', 'This ticket is still being opened; try again in a moment.');
  if (ticket.status === 'refused') reject('TicketNotOpened', 'This request did not open a ticket.');
  if (ticket.status !== 'closed') reject(AFTER_CLOSE_REFUSALS.notClosed, `This ticket is open; ${what}.`);
}

/** `reopens`: whether this run keeps closed tickets for a reopen window (runs of older workers end at the close). */
export function validateReopen(ticket: TicketView, actor: Actor | undefined, reopens: boolean, now: number): void {
  requireActor(actor);
  requireClosed(ticket, 'only a closed ticket can be reopened');
  if (!canReopen(actor, ticket.creator.id)) {
    reject('Forbidden', 'Only the member who opened this ticket or staff can reopen it.');
  }
  const until = ticket.reopenUntil;
  if (!reopens || until === undefined) {
    reject(AFTER_CLOSE_REFUSALS.reopenOff, 'Closed tickets are final in this server: they cannot be reopened.');
  }
  if (now >= until) {
    reject(
      AFTER_CLOSE_REFUSALS.reopenWindowOver,
      `This ticket can no longer be reopened: its reopen window ended ${new Date(until).toISOString()}.`,
    );
  }
}

export function validateRating(
  ticket: TicketView,
  actor: Actor | undefined,
  stars: unknown,
  comment: unknown,
  now: number,
) {
  requireActor(actor);
  if (!canRate(actor, ticket.creator.id)) reject('Forbidden', 'Only the member who opened this ticket can rate it.');
  if (!isRatingStars(stars)) reject('InvalidRequest', 'A rating is a whole number of stars from 1 to 5.');
  if (
    comment !== undefined &&
    comment !== null &&
    (typeof comment !== 'string' || comment.length > RATING_COMMENT_MAX)
  ) {
    reject('InvalidRequest', `A rating's comment is text of at most ${RATING_COMMENT_MAX} characters.`);
  }
  requireClosed(ticket, 'rate it once it is closed');
  if (ticket.rating) reject(AFTER_CLOSE_REFUSALS.alreadyRated, 'This close of the ticket is rated already.');
  if (ticket.ratingUntil === undefined || now >= ticket.ratingUntil) {
    reject(
      AFTER_CLOSE_REFUSALS.ratingClosed,
      'This ticket can no longer be rated: ratings close 7 days after a close.',
    );
  }
}
