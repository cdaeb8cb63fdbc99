import { GatewayIntentBits } from 'discord-api-types/v10';
import { z } from 'zod';

/** What a client may send, checked before it is acted on: anything else closes the socket with 4002. */

const snowflake = z.string().regex(/^\d{1,20}$/);

export const gatewayFrameSchema = z.object({ op: z.number().int(), d: z.unknown() });

export const identifySchema = z.object({
  token: z.string(),
  intents: z.number(),
  properties: z.object({}).loose(),
  compress: z.boolean().optional(),
  large_threshold: z.number().int().min(50).max(250).optional(),
  shard: z.tuple([z.number().int().min(0), z.number().int().min(1)]).optional(),
  presence: z.unknown().optional(),
});

export const resumeSchema = z.object({
  token: z.string(),
  session_id: z.string(),
  seq: z.number().int().min(0).nullable(),
});

export const requestGuildMembersSchema = z.object({
  guild_id: snowflake,
  query: z.string().optional(),
  limit: z.number().int().min(0).default(0),
  presences: z.boolean().optional(),
  user_ids: z.union([snowflake, z.array(snowflake).max(100)]).optional(),
  nonce: z.string().max(32).optional(),
});

export type RequestGuildMembers = z.infer<typeof requestGuildMembersSchema>;

const KNOWN_INTENTS = Object.values(GatewayIntentBits)
  .filter((bit): bit is number => typeof bit === 'number')
  .reduce((bits, bit) => bits | bit, 0);

/** An intents bitfield Discord accepts: a non-negative integer of defined bits (else close 4013). */
export function validIntents(intents: number): boolean {
  return Number.isSafeInteger(intents) && intents >= 0 && (intents & ~KNOWN_INTENTS) === 0;
}
