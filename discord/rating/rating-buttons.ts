import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from 'discord-api-types/v10';
import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import { RATING_MAX_STARS, RATING_MIN_STARS } from '../../domain/ticket-rating.ts';
import { ratingChoiceId } from './rating-ids.ts';

/**
 * One button per star count, 1 to 5, each opening the comment modal for that rating. Shown in the creator's direct
 * message and, when their DMs are closed, in the private answer to the thread's Rate button.
 */
export function ratingButtons(guildId: string, number: number): APIActionRowComponent<APIButtonComponent> {
  const counts = Array.from({ length: RATING_MAX_STARS - RATING_MIN_STARS + 1 }, (_, i) => RATING_MIN_STARS + i);
  return {
    type: ComponentType.ActionRow,
    components: counts.map((stars) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: String(stars),
      emoji: { name: '⭐' },
      custom_id: ratingChoiceId(CUSTOM_ID_PREFIX.rateStars, { guildId, number, stars }),
    })),
  };
}
