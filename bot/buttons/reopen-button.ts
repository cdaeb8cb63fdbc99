import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { deferEphemeral } from '../replies.ts';
import { reopenTicketAs } from '../tickets/reopen-ticket.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/** The closing notice's Reopen button, offered while the ticket's reopen window lasts. */
export const reopenButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.reopen,
  async execute(interaction, id, context) {
    await deferEphemeral(interaction);
    const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
    await reopenTicketAs(interaction, ticket, context);
  },
};
