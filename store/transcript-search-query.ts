import { z } from 'zod';
import { ticketTypeKey } from '../domain/guild-config.ts';
import { snowflake } from '../domain/snowflake.ts';
import { instant, MAX_TICKET_PAGE_SIZE } from './ticket-list-query.ts';

/**
 * What a transcript search may ask for (closed tickets only), as a query string carries it. Unknown fields are
 * refused. `text` takes web-search syntax ("exact phrase", or, -not) and matches messages in which all its words
 * occur together; `reason` matches close reasons containing it, ignoring case.
 */
export const transcriptSearchQuerySchema = z
  .strictObject({
    text: z
      .string()
      .trim()
      .max(200)
      .regex(/[\p{L}\p{N}]/u, 'must contain a word to search for')
      .optional(),
    number: z.coerce.number().int().positive().optional(),
    creator: snowflake.optional(),
    /** A staff member's id, or 'none' for tickets that were never assigned when they closed. */
    assignee: z.union([z.literal('none'), snowflake]).optional(),
    type: ticketTypeKey.optional(),
    reason: z.string().trim().min(1).max(100).optional(),
    /** Closed at or after this instant. */
    closedAfter: instant.optional(),
    /** Closed before this instant. */
    closedBefore: instant.optional(),
    /** By when they closed: newest first by default. */
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(MAX_TICKET_PAGE_SIZE).default(25),
    cursor: z.string().min(1).optional(),
  })
  .superRefine((query, context) => {
    if (query.closedAfter && query.closedBefore && query.closedAfter >= query.closedBefore) {
      context.addIssue({ code: 'custom', path: ['closedBefore'], message: 'must be later than closedAfter' });
    }
  });

export type TranscriptSearchQueryInput = z.input<typeof transcriptSearchQuerySchema>;
export type TranscriptSearchQuery = z.output<typeof transcriptSearchQuerySchema>;
