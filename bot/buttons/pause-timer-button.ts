import { TICKET_BUTTONS } from '../../activities/discord/notices/ticket-controls.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { deferEphemeral } from '../replies.ts';
import { changeTicketTimerAs } from '../tickets/actions.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/**
 * The thread's timer button toggles: the control message is posted once, so the same button pauses a
 * running inactivity timer and resumes a paused (or disabled) one, as the ticket's row says it is now.
 */
export const pauseTimerButton: ButtonHandler = {
  prefix: TICKET_BUTTONS.pauseTimer.prefix,
  async execute(interaction, id, context) {
    await deferEphemeral(interaction);
    const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
    const row = await context.prisma.ticket.findUnique({
      where: { workflowId: ticket.workflowId },
      select: { timerState: true },
    });
    const change = row?.timerState === 'running' ? 'pause' : 'resume';
    await changeTicketTimerAs(interaction, ticket, change, context);
  },
};
