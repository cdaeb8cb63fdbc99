import { ApplicationFailure } from '@temporalio/common';
import type { TicketActivities, TicketEvent, TicketPatch, TicketRef } from '../../domain/ticket.ts';
import { priorityRank } from '../../domain/ticket-metadata.ts';
import type { Prisma, PrismaClient } from '../../prisma/client.ts';
import { TRANSACTION_OPTIONS } from '../../store/transaction-options.ts';
import { DatabaseFailureType, parseInput } from './failures.ts';
import { ticketEventSchema, ticketPatchSchema, ticketRefSchema } from './input-schemas.ts';
import { type LockedTicket, lockTicket } from './lock-ticket.ts';

type ChangeInput = Parameters<TicketActivities['recordTicketChange']>[0];

/**
 * Appends the event (when given) and applies the patch in one transaction. The event key makes it exactly-once:
 * when the key is already stored, the patch was applied with it and is not applied again (re-applying an old
 * patch after later changes would undo them). A change without an event is a plain set of columns, which a
 * retry repeats harmlessly.
 */
export async function recordTicketChange(prisma: PrismaClient, input: ChangeInput): Promise<void> {
  const ref = parseInput(ticketRefSchema, { guildId: input.guildId, ticketId: input.ticketId }, 'ticket reference');
  const event = input.event === undefined ? undefined : parseInput(ticketEventSchema, input.event, 'ticket event');
  const patch = parseInput(ticketPatchSchema, input.patch, 'ticket patch');
  await prisma.$transaction(async (tx) => {
    const locked = await lockTicket(tx, ref);
    if (event && !(await appendEvent(tx, ref, event))) return;

    const columns = ticketColumns(patch, locked);
    if (Object.keys(columns).length > 0) {
      await tx.ticket.update({ where: { guildId_id: { guildId: ref.guildId, id: ref.ticketId } }, data: columns });
    }
    if (patch.memberIdAdded !== undefined) {
      await tx.ticketMember.createMany({
        data: [
          {
            guildId: ref.guildId,
            ticketId: ref.ticketId,
            userId: patch.memberIdAdded,
            addedById: event?.actorId ?? null,
            addedAt: new Date(event?.at ?? Date.now()),
          },
        ],
        skipDuplicates: true,
      });
    }
    if (patch.memberIdRemoved !== undefined) {
      // The member_removed event keeps who was removed, by whom and when; the row lists who is in the ticket now.
      await tx.ticketMember.deleteMany({
        where: { guildId: ref.guildId, ticketId: ref.ticketId, userId: patch.memberIdRemoved },
      });
    }
  }, TRANSACTION_OPTIONS);
}

/** false when the event is stored already, i.e. this is a retry of a change that committed. */
async function appendEvent(tx: Prisma.TransactionClient, ref: TicketRef, event: TicketEvent): Promise<boolean> {
  const inserted = await tx.ticketEvent.createMany({
    data: [
      {
        guildId: ref.guildId,
        ticketId: ref.ticketId,
        key: event.key,
        kind: event.kind,
        actorId: event.actorId,
        at: new Date(event.at),
        data: event.data,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 1) return true;
  // A key reused for a different kind of event is a workflow bug; saying so beats silently dropping the change.
  const stored = await tx.ticketEvent.findUniqueOrThrow({
    where: { guildId_ticketId_key: { guildId: ref.guildId, ticketId: ref.ticketId, key: event.key } },
    select: { kind: true },
  });
  if (stored.kind !== event.kind) {
    throw ApplicationFailure.nonRetryable(
      `event key ${event.key} of ticket ${ref.ticketId} is already stored as a ${stored.kind} event, not ${event.kind}`,
      DatabaseFailureType.eventKeyConflict,
    );
  }
  return false;
}

/**
 * The columns the patch sets. Activity only moves forward: an older lastActivityAt than the stored one is ignored.
 * A ticket is 'opening' until it has a thread, so giving it its thread opens it unless the patch says otherwise.
 */
function ticketColumns(patch: TicketPatch, locked: LockedTicket): Prisma.TicketUpdateInput {
  const columns: Prisma.TicketUpdateInput = {};
  if (patch.threadId !== undefined) {
    columns.threadId = patch.threadId;
    if (locked.status === 'opening') columns.status = 'open';
  }
  if (patch.status !== undefined) columns.status = patch.status;
  if (patch.assigneeId !== undefined) columns.assigneeId = patch.assigneeId;
  if (patch.timerState !== undefined) columns.timerState = patch.timerState;
  if (patch.lastActivityAt !== undefined && patch.lastActivityAt > locked.lastActivityAt.getTime()) {
    columns.lastActivityAt = new Date(patch.lastActivityAt);
  }
  if (patch.closedAt !== undefined) columns.closedAt = patch.closedAt === null ? null : new Date(patch.closedAt);
  if (patch.closeReason !== undefined) columns.closeReason = patch.closeReason;
  if (patch.closedById !== undefined) columns.closedById = patch.closedById;
  if (patch.transcriptKey !== undefined) columns.transcriptKey = patch.transcriptKey;
  if (patch.priority !== undefined) columns.priority = priorityRank(patch.priority);
  if (patch.labels !== undefined) columns.labels = patch.labels;
  if (patch.typeKey !== undefined) columns.typeKey = patch.typeKey;
  if (patch.typeName !== undefined) columns.typeName = patch.typeName;
  if (patch.waitingOn !== undefined) columns.waitingOn = patch.waitingOn;
  if (patch.rating !== undefined) {
    columns.rating = patch.rating?.stars ?? null;
    columns.ratingComment = patch.rating?.comment ?? null;
  }
  return columns;
}
