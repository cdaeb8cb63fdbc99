import { CUSTOM_ID_PREFIX, customId } from '../../domain/custom-ids.ts';
import { snowflake } from '../../domain/snowflake.ts';
import { isRatingStars } from '../../domain/ticket-rating.ts';

/** The ticket a rating button or modal is about, with the stars chosen; a DM carries no guild of its own. */
export interface RatingChoice {
  guildId: string;
  number: number;
  stars: number;
}

export function ratingChoiceId(prefix: 'trate' | 'tratec', choice: RatingChoice): string {
  return customId(prefix, `${choice.guildId}:${choice.number}:${choice.stars}`);
}

/** null for an id that is not `<guild id>:<ticket number>:<stars>`. */
export function parseRatingChoice(id: string): RatingChoice | null {
  const [guildId, number, stars, ...rest] = id.split(':');
  const ticketNumber = Number(number);
  const starCount = Number(stars);
  if (rest.length > 0 || !snowflake.safeParse(guildId).success) return null;
  if (!Number.isSafeInteger(ticketNumber) || ticketNumber < 1 || !isRatingStars(starCount)) return null;
  return { guildId: guildId as string, number: ticketNumber, stars: starCount };
}

export const RATING_PREFIXES = { stars: CUSTOM_ID_PREFIX.rateStars, comment: CUSTOM_ID_PREFIX.rateComment } as const;
