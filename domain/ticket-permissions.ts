import type { CloseRequestAnswer } from './close-request.ts';
import type { Actor } from './ticket.ts';

/** The one place that says who may do what to a ticket. Callers resolve `isStaff` (configured roles or Manage Guild). */
export function canClose(actor: Actor, creatorId: string): boolean {
  return actor.isStaff || actor.id === creatorId;
}

/** Who may close a ticket may reopen it: its creator or staff. */
export function canReopen(actor: Actor, creatorId: string): boolean {
  return canClose(actor, creatorId);
}

/** A close is rated by the member who opened the ticket, and nobody else. */
export function canRate(actor: Actor, creatorId: string): boolean {
  return actor.id === creatorId;
}

/** Assigning, adding members and changing the inactivity timer are staff actions. */
export function canManage(actor: Actor): boolean {
  return actor.isStaff;
}

/** Staff ask for a close; Accept may be pressed by the creator or staff, Keep open only by the creator. */
export function canAnswerCloseRequest(actor: Actor, creatorId: string, answer: CloseRequestAnswer): boolean {
  return actor.id === creatorId || (answer === 'accept' && actor.isStaff);
}
