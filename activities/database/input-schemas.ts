import { z } from 'zod';
import { GUILD_CONFIG_LIMITS, ticketLabelSchema, ticketTypeKey } from '../../domain/guild-config.ts';
import { snowflake } from '../../domain/snowflake.ts';
import type {
  MessageDeletion,
  OpenTicketRequest,
  TicketEvent,
  TicketMessage,
  TicketPatch,
  TicketRef,
} from '../../domain/ticket.ts';
import { messageDeletionSchema, ticketMessageSchema } from '../../domain/ticket-message.ts';
import { TICKET_PRIORITIES } from '../../domain/ticket-metadata.ts';
import { RATING_COMMENT_MAX } from '../../domain/ticket-rating.ts';
import { openTicketRequestSchema } from '../../domain/ticket-request.ts';
import { TicketEventKind as StoredEventKind, TimerState as StoredTimerState } from '../../prisma/client.ts';

/** Epoch milliseconds as the workflow passes them. */
const epochMs = z.number().int().nonnegative();

const eventKinds = Object.values(StoredEventKind) as [StoredEventKind, ...StoredEventKind[]];
const timerStates = Object.values(StoredTimerState) as [StoredTimerState, ...StoredTimerState[]];

export const ticketRefSchema: z.ZodType<TicketRef> = z.object({
  guildId: snowflake,
  ticketId: z.string().min(1).max(64),
});

export const guildInputSchema: z.ZodType<{ guildId: string }> = z.object({ guildId: snowflake });

export const openTicketInputSchema: z.ZodType<{
  workflowId: string;
  request: OpenTicketRequest;
  openedAt: number;
}> = z.object({
  workflowId: z.string().min(1).max(255),
  request: openTicketRequestSchema,
  openedAt: epochMs,
});

export const ticketEventSchema: z.ZodType<TicketEvent> = z.object({
  key: z.string().min(1).max(255),
  kind: z.enum(eventKinds),
  actorId: snowflake.nullable(),
  at: epochMs,
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

/** Strict: a misspelt column must fail loudly rather than be ignored. */
export const ticketPatchSchema: z.ZodType<TicketPatch> = z.strictObject({
  threadId: snowflake.optional(),
  status: z.enum(['open', 'closed']).optional(),
  assigneeId: snowflake.nullable().optional(),
  timerState: z.enum(timerStates).optional(),
  lastActivityAt: epochMs.optional(),
  closedAt: epochMs.nullable().optional(),
  closeReason: z.string().max(2000).nullable().optional(),
  closedById: snowflake.nullable().optional(),
  transcriptKey: z.string().min(1).max(1024).optional(),
  memberIdAdded: snowflake.optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  labels: z.array(ticketLabelSchema.shape.name).max(GUILD_CONFIG_LIMITS.labels).optional(),
  typeKey: ticketTypeKey.optional(),
  typeName: z.string().min(1).max(GUILD_CONFIG_LIMITS.ticketTypeNameLength).optional(),
  memberIdRemoved: snowflake.optional(),
  waitingOn: z.enum(['staff', 'member']).optional(),
  rating: z
    .object({ stars: z.number().int().min(1).max(5), comment: z.string().max(RATING_COMMENT_MAX).nullable() })
    .nullable()
    .optional(),
});

export const ticketMessagesSchema: z.ZodType<TicketMessage[]> = z.array(ticketMessageSchema).max(1000);

export const messageDeletionsSchema: z.ZodType<MessageDeletion[]> = z.array(messageDeletionSchema).max(1000);
