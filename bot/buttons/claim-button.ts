import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { deferEphemeral } from '../replies.ts';
import { assignOrOfferTakeOver } from '../tickets/people-actions.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/** The thread's Claim button: the staff member who presses it becomes the assignee, asked first if someone holds it. */
export const claimButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.claim,
  async execute(interaction, id, context) {
    await deferEphemeral(interaction);
    const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
    await assignOrOfferTakeOver(interaction, ticket, context, { id: interaction.user.id, member: interaction.member });
  },
};
