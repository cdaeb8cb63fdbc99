import type { MessageDeletion, TicketRef } from '../../domain/ticket.ts';
import type { Prisma } from '../../prisma/client.ts';

/**
 * Marks the ticket's stored messages deleted, keeping what they said (the transcript and staff audits need it).
 * The first deletion time stays: a repeated deletion changes nothing. A message the ticket never stored (or
 * another ticket's) has nothing to mark: Discord's delete event carries no content to store. No ticket event is
 * appended: like an edit, a deletion is a fact about one message and lives on its row (Discord does not say who
 * deleted it), while the event log stays the ticket's own history.
 */
export async function markMessagesDeleted(
  tx: Prisma.TransactionClient,
  ref: TicketRef,
  deletions: MessageDeletion[],
): Promise<void> {
  const rows = JSON.stringify(
    earliestPerMessage(deletions).map((deletion) => ({
      id: deletion.messageId,
      deleted_at: new Date(deletion.deletedAt).toISOString(),
    })),
  );
  await tx.$executeRaw`
    UPDATE ticket_message AS stored SET deleted_at = d.deleted_at
      FROM jsonb_to_recordset(${rows}::jsonb) AS d(id text, deleted_at timestamptz)
     WHERE stored.id = d.id AND stored.guild_id = ${ref.guildId} AND stored.ticket_id = ${ref.ticketId}
       AND stored.deleted_at IS NULL`;
}

/** One deletion per message id (a re-sent signal may repeat one): UPDATE … FROM would pick either. */
function earliestPerMessage(deletions: MessageDeletion[]): MessageDeletion[] {
  const byId = new Map<string, MessageDeletion>();
  for (const deletion of deletions) {
    const held = byId.get(deletion.messageId);
    if (!held || deletion.deletedAt < held.deletedAt) byId.set(deletion.messageId, deletion);
  }
  return [...byId.values()];
}
