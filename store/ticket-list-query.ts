import { z } from 'zod';
import { ticketLabelSchema, ticketTypeKey } from '../domain/guild-config.ts';
import { snowflake } from '../domain/snowflake.ts';
import { TICKET_PRIORITIES } from '../domain/ticket-metadata.ts';

export const TICKET_LIST_SORTS = ['opened', 'lastActivity', 'number', 'closed'] as const;
export type TicketListSort = (typeof TICKET_LIST_SORTS)[number];

export const MAX_TICKET_PAGE_SIZE = 100;

/** An instant from a query string (ISO 8601 with its offset) or from code (a Date). */
export const instant = z.union([
  z.date(),
  z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time with its offset' })
    .transform((text) => new Date(text)),
]);

/**
 * What a ticket list may ask for, as a query string carries it (numbers as text are read as numbers). Unknown
 * fields are refused, so a misspelt filter is an error rather than a list that silently ignores it.
 */
export const ticketListQuerySchema = z
  .strictObject({
    status: z.enum(['opening', 'open', 'closed']).optional(),
    /** A ticket type's key. */
    type: ticketTypeKey.optional(),
    /** A staff member's id, or 'none' for unassigned tickets. */
    assignee: z.union([z.literal('none'), snowflake]).optional(),
    creator: snowflake.optional(),
    /** Opened at or after this instant. */
    openedAfter: instant.optional(),
    /** Opened before this instant. */
    openedBefore: instant.optional(),
    timer: z.enum(['running', 'paused', 'disabled']).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    /** A label as the guild spells it: tickets carrying it. */
    label: ticketLabelSchema.shape.name.optional(),
    /** 'closed' lists closed tickets only, by when they closed. */
    sort: z.enum(TICKET_LIST_SORTS).default('opened'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(MAX_TICKET_PAGE_SIZE).default(25),
    /** `nextCursor` of the previous page, issued for the same sort and order. */
    cursor: z.string().min(1).optional(),
  })
  .superRefine((query, context) => {
    if (query.openedAfter && query.openedBefore && query.openedAfter >= query.openedBefore) {
      context.addIssue({ code: 'custom', path: ['openedBefore'], message: 'must be later than openedAfter' });
    }
    if (query.sort === 'closed' && query.status !== undefined && query.status !== 'closed') {
      context.addIssue({
        code: 'custom',
        path: ['sort'],
        message: `'closed' lists closed tickets by when they closed; it cannot be combined with status ${query.status}`,
      });
    }
  });

export type TicketListQueryInput = z.input<typeof ticketListQuerySchema>;
export type TicketListQuery = z.output<typeof ticketListQuerySchema>;
