/**
 * Close requests: staff ask the ticket's creator to confirm that the ticket can close. The creator accepts (staff
 * may accept for them) or keeps it open; a reply by the creator cancels the request; without an answer the ticket
 * closes by itself when the request's time is up. Pure: shared by the workflow, its activities and the bot.
 */

const HOUR = 3_600_000;

/** How long the member has to answer when staff do not say. */
export const CLOSE_REQUEST_DEFAULT_AFTER_MS = 24 * HOUR;
export const CLOSE_REQUEST_MIN_AFTER_MS = HOUR;
export const CLOSE_REQUEST_MAX_AFTER_MS = 7 * 24 * HOUR;
/** The times `/ticket close-request after:` offers, in hours. */
export const CLOSE_REQUEST_AFTER_HOURS = [1, 6, 12, 24, 48, 72, 168] as const;

/** A pending close request, as the ticket keeps it. */
export interface CloseRequestFacts {
  /** Which request of the ticket this is: the buttons carry it, so a button of an older request answers nothing. */
  id: number;
  /** The staff member who asked; an expired request closes the ticket in their name. */
  requestedBy: { id: string; name: string };
  /** Becomes the close reason when the request is accepted or expires. */
  reason: string | null;
  requestedAt: number;
  closesAt: number;
  /** The thread message with Accept / Keep open, once posted: its buttons are removed when the request ends. */
  messageId: string | null;
  /** When a reply by the creator cancelled the request; the ticket then ends the request on its next turn. */
  repliedAt?: number;
}

/** How a request ended. */
export type CloseRequestOutcome = 'accepted' | 'declined' | 'cancelled' | 'expired';

/** What the creator (or staff, for accept) answers with the request's buttons. */
export type CloseRequestAnswer = 'accept' | 'keep_open';

/** The ticket event each outcome is stored as. */
export const CLOSE_REQUEST_OUTCOME_EVENTS = {
  accepted: 'close_request_accepted',
  declined: 'close_request_declined',
  cancelled: 'close_request_cancelled',
  expired: 'close_request_expired',
} as const satisfies Record<CloseRequestOutcome, string>;

export function isValidCloseRequestAfter(afterMs: unknown): afterMs is number {
  return (
    typeof afterMs === 'number' &&
    Number.isSafeInteger(afterMs) &&
    afterMs >= CLOSE_REQUEST_MIN_AFTER_MS &&
    afterMs <= CLOSE_REQUEST_MAX_AFTER_MS
  );
}
