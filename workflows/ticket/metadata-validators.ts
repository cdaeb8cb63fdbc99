import { GUILD_CONFIG_LIMITS, ticketTypeKey } from '../../domain/guild-config.ts';
import type { Actor } from '../../domain/ticket.ts';
import { isTicketPriority, TICKET_PRIORITIES } from '../../domain/ticket-metadata.ts';
import { renamedThreadName, renameMaxLength } from '../../domain/ticket-naming.ts';
import type { TicketView } from './definitions.ts';
import { reject, validateStaffAction } from './validators.ts';

export function validatePriority(ticket: TicketView, actor: Actor | undefined, priority: unknown): void {
  validateStaffAction(ticket, actor, 'set the priority of tickets');
  if (!isTicketPriority(priority)) reject('InvalidRequest', `A priority is one of ${TICKET_PRIORITIES.join(', ')}.`);
}

/** Whether each label is on the guild's list is for the handler to check: the list is read when the change runs. */
export function validateLabelChange(ticket: TicketView, actor: Actor | undefined, add: unknown, remove: unknown): void {
  validateStaffAction(ticket, actor, 'label tickets');
  const names = (value: unknown) =>
    Array.isArray(value) &&
    value.length <= GUILD_CONFIG_LIMITS.labels &&
    value.every(
      (name) => typeof name === 'string' && name.trim() !== '' && name.length <= GUILD_CONFIG_LIMITS.labelNameLength,
    );
  if (!names(add) || !names(remove)) {
    reject('InvalidRequest', `Labels are names of 1 to ${GUILD_CONFIG_LIMITS.labelNameLength} characters.`);
  }
  if ((add as string[]).length + (remove as string[]).length === 0) {
    reject('InvalidRequest', 'Name a label to add or remove.');
  }
}

export function validateRename(ticket: TicketView, actor: Actor | undefined, name: unknown): void {
  validateStaffAction(ticket, actor, 'rename tickets');
  if (typeof name !== 'string' || name.trim() === '') reject('InvalidRequest', 'A ticket needs a name.');
  if (!ticket.threadId || ticket.number === null) reject('TicketOpening', 'This ticket has no thread yet.');
  if (renamedThreadName(ticket.number, name) === null) {
    reject(
      'NameTooLong',
      `A ticket's name can be at most ${renameMaxLength(ticket.number)} characters, so the thread keeps its number ` +
        'within Discord’s 100. Nothing was changed.',
    );
  }
}

export function validateMove(ticket: TicketView, actor: Actor | undefined, typeKey: unknown): void {
  validateStaffAction(ticket, actor, 'move tickets');
  if (!ticketTypeKey.safeParse(typeKey).success) reject('UnknownType', `There is no ticket type "${String(typeKey)}".`);
  if (typeKey === ticket.type)
    reject('SameType', `This ticket is already of type "${ticket.type}". Nothing was changed.`);
}
