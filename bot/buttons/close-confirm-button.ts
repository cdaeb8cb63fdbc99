import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { deferEphemeral } from '../replies.ts';
import { closeTicketAs } from '../tickets/actions.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/** Confirm on the close question: closes without a reason. */
export const closeConfirmButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.closeConfirm,
  async execute(interaction, id, context) {
    await deferEphemeral(interaction);
    const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
    await closeTicketAs(interaction, ticket, null, context);
  },
};
