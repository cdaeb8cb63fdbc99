import type { Actor } from './ticket.ts';

/** The one place that says who may do what to a ticket. Callers resolve `isStaff` (configured roles or Manage Guild). */
export function canClose(actor: Actor, creatorId: string): boolean {
  return actor.isStaff || actor.id === creatorId;
}

/** Assigning, adding members and changing the inactivity timer are staff actions. */
export function canManage(actor: Actor): boolean {
  return actor.isStaff;
}
