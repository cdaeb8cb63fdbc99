import { z } from 'zod';
import { snowflake } from './snowflake.ts';
import type { MessageDeletion, TicketMessage } from './ticket.ts';

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

/** An edit as callers signal it: the message's new version, which says when it was edited. */
export const editedTicketMessageSchema: z.ZodType<TicketMessage> = ticketMessageSchema.refine(
  (message) => message.editedAt !== null,
  { message: 'an edited message has editedAt', path: ['editedAt'] },
);

/** A deletion as callers signal it; checked like a message for the same reason. */
export const messageDeletionSchema: z.ZodType<MessageDeletion> = z.object({
  messageId: snowflake,
  deletedAt: z.number().int().nonnegative(),
});
