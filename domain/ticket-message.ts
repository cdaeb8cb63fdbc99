import { z } from 'zod';
import { snowflake } from './snowflake.ts';
import type { TicketMessage } from './ticket.ts';

/**
 * A thread message as callers signal it to a ticket. Signals cannot be refused, so the workflow checks each
 * one with this schema and drops a malformed one alone, instead of letting it fail the batch it would be
 * stored with.
 */
export const ticketMessageSchema: z.ZodType<TicketMessage> = z.object({
  id: snowflake,
  authorId: snowflake,
  authorName: z.string().max(100),
  authorIsBot: z.boolean(),
  content: z.string().max(10_000),
  attachments: z
    .array(
      z.object({
        id: snowflake,
        filename: z.string().max(1024),
        size: z.number().int().nonnegative(),
        contentType: z.string().max(255).nullable(),
        url: z.string().max(2048),
      }),
    )
    .max(10),
  createdAt: z.number().int().nonnegative(),
  editedAt: z.number().int().nonnegative().nullable(),
});
