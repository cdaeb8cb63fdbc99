import { isDiscordId } from '../../domain/discord-id.ts';
import type { Actor } from '../../domain/ticket.ts';
import type { AssignTicketInput, TicketView } from './definitions.ts';
import { reject, validateStaffAction } from './validators.ts';

/**
 * The refusals of the people rules, by type: callers word each in the member's language (bot/tickets/people-refusals.ts).
 * `HeldByAnother` carries `{ holderId }` as its first detail, so the caller can offer to take the ticket over.
 */
export const PeopleRefusal = {
  heldByAnother: 'HeldByAnother',
  assigneeNotStaff: 'AssigneeNotStaff',
  creatorNotRemovable: 'CreatorNotRemovable',
  assigneeNotRemovable: 'AssigneeNotRemovable',
  everyoneRole: 'EveryoneRole',
} as const;

/**
 * Runs with the people rules: only staff can be assigned, and a ticket someone else holds changes hands (a claim, an
 * assignment or a release) only when the actor confirms the take-over. The holder may hand it on or release it freely.
 * Checked in the validator and again when the change runs, since an earlier change may have claimed it meanwhile.
 */
export function validateAssignment(ticket: TicketView, input: AssignTicketInput): void {
  const { actor, assigneeId } = input;
  if (assigneeId !== null) {
    const assigneeIsStaff = assigneeId === actor.id ? actor.isStaff : input.assigneeIsStaff;
    if (assigneeIsStaff === false) {
      reject(PeopleRefusal.assigneeNotStaff, `Only staff can be assigned a ticket; <@${assigneeId}> is not staff.`);
    }
  }
  const holderId = ticket.assigneeId;
  if (holderId !== null && holderId !== assigneeId && holderId !== actor.id && input.takeOver !== true) {
    reject(
      PeopleRefusal.heldByAnother,
      `<@${holderId}> holds this ticket. Confirm to take it over; nothing was changed.`,
      [{ holderId }],
    );
  }
}

export function validateRemoveMember(ticket: TicketView, actor: Actor | undefined, memberId: unknown): void {
  validateStaffAction(ticket, actor, 'remove members from tickets');
  if (!isDiscordId(memberId)) reject('InvalidRequest', 'The member must be a Discord id.');
  if (memberId === ticket.creator.id) {
    reject(PeopleRefusal.creatorNotRemovable, 'The member who opened the ticket cannot be removed from it.');
  }
  if (memberId === ticket.assigneeId) {
    reject(PeopleRefusal.assigneeNotRemovable, 'The assignee cannot be removed; unassign the ticket first.');
  }
}

export function validateAddRole(ticket: TicketView, actor: Actor | undefined, roleId: unknown): void {
  validateStaffAction(ticket, actor, 'add roles to tickets');
  if (!isDiscordId(roleId)) reject('InvalidRequest', 'The role must be a Discord id.');
  // The @everyone role has the guild's id: mentioning it would ask Discord to add the whole server.
  if (roleId === ticket.guildId) reject(PeopleRefusal.everyoneRole, 'The @everyone role cannot be added to a ticket.');
}
