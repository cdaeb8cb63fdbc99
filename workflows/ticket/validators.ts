import { ApplicationFailure } from '@temporalio/workflow';
import { isDiscordId } from '../../domain/discord-id.ts';
import type { Actor } from '../../domain/ticket.ts';
import { canClose, canManage } from '../../domain/ticket-permissions.ts';
import type { TicketView } from './definitions.ts';

/** Close reasons end up in an embed field (1,024 characters) next to other text. */
export const CLOSE_REASON_MAX = 500;
/** A staff reply is signed with a name (up to 100 characters) within Discord's 2,000 per message. */
export const STAFF_REPLY_MAX = 1800;

/** A rejected update leaves no history; its type tells callers which plain-words answer to give. */
export function reject(type: string, message: string, details?: unknown[]): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details });
}

export function requireActor(actor: Actor | undefined): asserts actor is Actor {
  if (!actor || !isDiscordId(actor.id) || typeof actor.isStaff !== 'boolean') {
    reject('InvalidRequest', 'The request must name who is acting (a Discord id and whether they are staff).');
  }
}

export function requireAcceptingChanges(ticket: TicketView): void {
  if (ticket.status === 'opening') reject('TicketOpening', 'This ticket is still being opened; try again in a moment.');
  if (ticket.status === 'refused') reject('TicketNotOpened', 'This request did not open a ticket.');
  if (ticket.status === 'closed' || ticket.closure) reject('TicketClosed', 'This ticket is closed.');
}

export function validateStaffAction(ticket: TicketView, actor: Actor | undefined, what: string): void {
  requireActor(actor);
  requireAcceptingChanges(ticket);
  if (!canManage(actor)) reject('Forbidden', `Only staff can ${what}.`);
}

export function validateMemberId(memberId: unknown, what: string): void {
  if (memberId !== null && !isDiscordId(memberId)) reject('InvalidRequest', `The ${what} must be a Discord id.`);
}

/** A close of a closed or closing ticket is not rejected: the handler answers who closed it. */
export function validateClose(ticket: TicketView, actor: Actor | undefined, reason: unknown): void {
  requireActor(actor);
  if (ticket.status === 'opening') reject('TicketOpening', 'This ticket is still being opened; try again in a moment.');
  if (ticket.status === 'refused') reject('TicketNotOpened', 'This request did not open a ticket.');
  if (!canClose(actor, ticket.creator.id)) {
    reject('Forbidden', 'Only the member who opened this ticket or staff can close it.');
  }
  if (reason !== undefined && reason !== null && (typeof reason !== 'string' || reason.length > CLOSE_REASON_MAX)) {
    reject('InvalidRequest', `A close reason is text of at most ${CLOSE_REASON_MAX} characters.`);
  }
}

/** For work queued behind another change: the ticket may have closed while it waited. */
export function requireStillOpen(ticket: TicketView): void {
  if (ticket.status !== 'open' || ticket.closure) reject('TicketClosed', 'This ticket is closed.');
}

export function validateStaffReply(content: unknown): void {
  if (typeof content !== 'string' || content.trim() === '' || content.length > STAFF_REPLY_MAX) {
    reject('InvalidRequest', `A reply is text of 1 to ${STAFF_REPLY_MAX} characters.`);
  }
}
