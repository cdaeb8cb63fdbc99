import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { answerFailure, deferEphemeral } from '../replies.ts';
import { requestCloseAs } from '../tickets/close-request-actions.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/** Request close in the ticket's controls: asks the member with no reason and the default 24 hours. */
export const requestCloseButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.requestClose,
  async execute(interaction, id, context) {
    try {
      await deferEphemeral(interaction);
      const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
      await requestCloseAs(interaction, ticket, null, null, context);
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
