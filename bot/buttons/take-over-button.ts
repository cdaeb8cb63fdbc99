import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import { isDiscordId } from '../../domain/discord-id.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { StaleControlError } from '../replies.ts';
import { assignTicketAs } from '../tickets/actions.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/**
 * "Take over" under the private question people-actions.ts asks when someone else holds the ticket: makes the change
 * it offered, with takeOver. The answer replaces the question. The id says what was offered (see CUSTOM_ID_PREFIX).
 */
export const takeOverButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.takeOver,
  async execute(interaction, id, context) {
    await interaction.deferUpdate();
    const [number = '', assignee = '', assigneeIsStaff = ''] = id.split(':');
    if (assignee !== '-' && !isDiscordId(assignee)) throw new StaleControlError('control');
    const ticket = await resolveTicket(interaction, context, ticketNumberOf(number));
    const assigneeId = assignee === '-' ? null : assignee;
    await assignTicketAs(interaction, ticket, assigneeId, context, {
      ...(assigneeId === null || assigneeId === interaction.user.id
        ? {}
        : { assigneeIsStaff: assigneeIsStaff === '1' }),
      takeOver: true,
    });
  },
};
