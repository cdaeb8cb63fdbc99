import { ApplicationFailure } from '@temporalio/common';
import type { TicketActivities, TicketMessage, TicketRef } from '../../domain/ticket.ts';
import type { Prisma, PrismaClient } from '../../prisma/client.ts';
import { TRANSACTION_OPTIONS } from '../../store/transaction-options.ts';
import { DatabaseFailureType, parseInput } from './failures.ts';
import { messageDeletionsSchema, ticketMessagesSchema, ticketRefSchema } from './input-schemas.ts';
import { type LockedTicket, lockTicket } from './lock-ticket.ts';
import { markMessagesDeleted } from './mark-messages-deleted.ts';

type StoreInput = Parameters<TicketActivities['storeMessages']>[0];

/**
 * Stores a batch of thread message changes in one transaction: the messages first, then the deletions, so a
 * message deleted in the same batch it arrived in ends up stored and marked deleted. A retried batch changes
 * nothing.
 */
export async function storeMessages(prisma: PrismaClient, input: StoreInput): Promise<void> {
  const ref = parseInput(ticketRefSchema, { guildId: input.guildId, ticketId: input.ticketId }, 'ticket reference');
  const messages = latestVersions(parseInput(ticketMessagesSchema, input.messages, 'ticket messages'));
  const deletions = parseInput(messageDeletionsSchema, input.deletions ?? [], 'message deletions');
  await prisma.$transaction(async (tx) => {
    const locked = await lockTicket(tx, ref);
    if (messages.length > 0) await upsertMessages(tx, ref, locked, messages);
    if (deletions.length > 0) await markMessagesDeleted(tx, ref, deletions);
  }, TRANSACTION_OPTIONS);
}

/**
 * One upsert statement keyed by Discord message id: an edit replaces the stored text, and an older copy never
 * overwrites a newer one. Each message new to the ticket (an edit of one never seen included) gets its
 * `replied:<messageId>` event, and lastActivityAt moves to the newest moment a person wrote or edited (the bot's
 * own notices are not activity).
 */
async function upsertMessages(
  tx: Prisma.TransactionClient,
  ref: TicketRef,
  locked: LockedTicket,
  messages: TicketMessage[],
): Promise<void> {
  const elsewhere = await tx.ticketMessage.findMany({
    where: {
      id: { in: messages.map((message) => message.id) },
      NOT: { guildId: ref.guildId, ticketId: ref.ticketId },
    },
    select: { id: true },
  });
  if (elsewhere.length > 0) {
    throw ApplicationFailure.nonRetryable(
      `messages ${elsewhere.map((row) => row.id).join(', ')} are stored for another ticket, not ${ref.ticketId}`,
      DatabaseFailureType.messageOfAnotherTicket,
    );
  }

  const rows = JSON.stringify(
    messages.map((message) => ({
      id: message.id,
      author_id: message.authorId,
      author_name: message.authorName,
      author_is_bot: message.authorIsBot,
      content: message.content,
      attachments: message.attachments,
      created_at: new Date(message.createdAt).toISOString(),
      edited_at: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
    })),
  );
  await tx.$executeRaw`
    INSERT INTO ticket_message AS stored
      (id, guild_id, ticket_id, author_id, author_name, author_is_bot, content, attachments, created_at, edited_at)
    SELECT m.id, ${ref.guildId}, ${ref.ticketId}, m.author_id, m.author_name, m.author_is_bot, m.content,
           m.attachments, m.created_at, m.edited_at
      FROM jsonb_to_recordset(${rows}::jsonb) AS m(
        id text, author_id text, author_name text, author_is_bot boolean, content text, attachments jsonb,
        created_at timestamptz, edited_at timestamptz)
    ON CONFLICT (id) DO UPDATE SET
      author_name = EXCLUDED.author_name,
      content = EXCLUDED.content,
      attachments = EXCLUDED.attachments,
      edited_at = EXCLUDED.edited_at
    WHERE stored.guild_id = EXCLUDED.guild_id AND stored.ticket_id = EXCLUDED.ticket_id
      AND COALESCE(EXCLUDED.edited_at, EXCLUDED.created_at) >= COALESCE(stored.edited_at, stored.created_at)
      AND (stored.author_name, stored.content, stored.attachments, stored.edited_at)
          IS DISTINCT FROM (EXCLUDED.author_name, EXCLUDED.content, EXCLUDED.attachments, EXCLUDED.edited_at)`;

  await tx.ticketEvent.createMany({
    data: messages.map((message) => ({
      guildId: ref.guildId,
      ticketId: ref.ticketId,
      key: `replied:${message.id}`,
      kind: 'replied' as const,
      actorId: message.authorId,
      at: new Date(message.createdAt),
      data: { messageId: message.id, authorIsBot: message.authorIsBot },
    })),
    skipDuplicates: true,
  });

  const newestByPerson = Math.max(
    ...messages.filter((message) => !message.authorIsBot).map((message) => message.editedAt ?? message.createdAt),
  );
  if (newestByPerson > locked.lastActivityAt.getTime()) {
    await tx.ticket.update({
      where: { guildId_id: { guildId: ref.guildId, id: ref.ticketId } },
      data: { lastActivityAt: new Date(newestByPerson) },
    });
  }
}

/** One row per message id (a batch may carry a message and its edit); the newest version wins. */
function latestVersions(messages: TicketMessage[]): TicketMessage[] {
  const byId = new Map<string, TicketMessage>();
  for (const message of messages) {
    const held = byId.get(message.id);
    const version = message.editedAt ?? message.createdAt;
    if (!held || version >= (held.editedAt ?? held.createdAt)) byId.set(message.id, message);
  }
  return [...byId.values()];
}
