import { z } from 'zod';
import { ticketTypeKey } from './guild-config.ts';
import { snowflake } from './snowflake.ts';
import type { OpenTicketRequest } from './ticket.ts';

export const openTicketRequestSchema = z.object({
  guildId: snowflake,
  type: ticketTypeKey,
  creator: z.object({ id: snowflake, name: z.string().trim().min(1).max(100) }),
  answers: z.array(z.object({ question: z.string().min(1).max(45), answer: z.string().max(4000) })).max(5),
  /** Discord's locale tags are a few characters (`en-US`, `es-419`). */
  locale: z.string().min(2).max(16).optional(),
}) satisfies z.ZodType<OpenTicketRequest>;

/** Parses a request from the bot, the panel or the CLI; throws one readable message naming each bad field. */
export function parseOpenTicketRequest(input: unknown): OpenTicketRequest {
  const parsed = openTicketRequestSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidTicketRequestError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; '),
    );
  }
  return parsed.data;
}

export class InvalidTicketRequestError extends Error {
  override name = 'InvalidTicketRequestError';
}
