import { z } from 'zod';
import { DISCORD_ID_DIGITS, isDiscordId } from './discord-id.ts';
import { customReason } from './schema-reason.ts';

export const snowflake = z.string().refine(
  isDiscordId,
  customReason('discordId', `must be a Discord id (${DISCORD_ID_DIGITS.min} to ${DISCORD_ID_DIGITS.max} digits)`, {
    minDigits: DISCORD_ID_DIGITS.min,
    maxDigits: DISCORD_ID_DIGITS.max,
  }),
);
export type Snowflake = z.infer<typeof snowflake>;
