import { z } from 'zod';

/** Discord ids exceed Number.MAX_SAFE_INTEGER, so they travel as decimal strings everywhere. */
export const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');
export type Snowflake = z.infer<typeof snowflake>;
