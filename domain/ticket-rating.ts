/** The rules of a creator's satisfaction rating, shared by the workflow's validator, the bot's modal and storage. */

export const RATING_MIN_STARS = 1;
export const RATING_MAX_STARS = 5;
/** A comment fits a modal's paragraph and the summary's embed field (1,024 characters) with room to spare. */
export const RATING_COMMENT_MAX = 1000;
/** How long after a close the creator may rate it. */
export const RATING_WINDOW_MS = 7 * 24 * 3_600_000;

export function isRatingStars(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= RATING_MIN_STARS && (value as number) <= RATING_MAX_STARS;
}
