import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { deferEphemeral } from '../replies.ts';
import { assignOrOfferTakeOver } from '../tickets/people-actions.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/** The thread's Unclaim button: `/ticket unassign` from the controls; the assignee releases the ticket. */
export const unclaimButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.unclaim,
  async execute(interaction, id, context) {
    await deferEphemeral(interaction);
    const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
    await assignOrOfferTakeOver(interaction, ticket, context, null);
  },
};
