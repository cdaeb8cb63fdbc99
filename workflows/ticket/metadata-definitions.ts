import { defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/ticket.ts';
import type { TicketPriority } from '../../domain/ticket-metadata.ts';
import type { TicketView } from './definitions.ts';

/** Staff set the ticket's priority. */
export const setPriority = defineUpdate<TicketView, [{ actor: Actor; priority: TicketPriority }]>('setPriority');
/** Staff put labels from the guild's list on the ticket and take labels off it, in one change. */
export const changeLabels = defineUpdate<TicketView, [{ actor: Actor; add: string[]; remove: string[] }]>(
  'changeLabels',
);
/** Staff rename the ticket's thread; the number prefix stays. */
export const renameTicket = defineUpdate<TicketView, [{ actor: Actor; name: string }]>('renameTicket');
/** Staff move the ticket to another type of the guild, given by its key. */
export const moveTicket = defineUpdate<TicketView, [{ actor: Actor; typeKey: string }]>('moveTicket');
