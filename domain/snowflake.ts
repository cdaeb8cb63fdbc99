import { z } from 'zod';
import { DISCORD_ID_PATTERN } from './discord-id.ts';

export const snowflake = z.string().regex(DISCORD_ID_PATTERN, 'must be a Discord id (17 to 20 digits)');
export type Snowflake = z.infer<typeof snowflake>;
