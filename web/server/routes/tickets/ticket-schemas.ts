import { z } from 'zod';
import { snowflake } from '../../../../domain/snowflake.ts';

/** `:guildId` and `:ticketNumber` of a ticket's routes. */
export const ticketParams = z.object({
  guildId: snowflake,
  ticketNumber: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const guildParams = z.object({ guildId: snowflake });

/** A ticket as the list shows it; times are ISO 8601 in UTC, for the page to show in the viewer's time zone. */
export const ticketSummaryView = z.object({
  id: z.string(),
  number: z.number().int(),
  typeKey: z.string(),
  typeName: z.string(),
  creatorId: z.string(),
  creatorName: z.string(),
  assigneeId: z.string().nullable(),
  threadId: z.string().nullable(),
  status: z.enum(['opening', 'open', 'closed']),
  timerState: z.enum(['running', 'paused', 'disabled']),
  openedAt: z.date(),
  lastActivityAt: z.date(),
  closedAt: z.date().nullable(),
  closeReason: z.string().nullable(),
  closedById: z.string().nullable(),
  /** Whose answer it waits for; null for tickets opened before it was tracked. */
  waitingOn: z.enum(['staff', 'member']).nullable(),
  /** 0 low, 1 normal, 2 high, 3 urgent, as the TicketPriority search attribute. */
  priority: z.number().int().min(0).max(3),
  labels: z.array(z.string()),
});

export const ticketMessageView = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  authorIsBot: z.boolean(),
  content: z.string(),
  attachments: z.array(
    z.object({
      id: z.string(),
      filename: z.string(),
      size: z.number(),
      contentType: z.string().nullable(),
      url: z.string(),
    }),
  ),
  createdAt: z.date(),
  editedAt: z.date().nullable(),
  deletedAt: z.date().nullable(),
});

export const ticketEventView = z.object({
  id: z.string(),
  kind: z.string(),
  actorId: z.string().nullable(),
  at: z.date(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const ticketDetailView = ticketSummaryView.extend({
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  members: z.array(z.object({ userId: z.string(), addedById: z.string().nullable(), addedAt: z.date() })),
  messages: z.array(ticketMessageView),
  olderMessages: z.boolean(),
  events: z.array(ticketEventView),
});
