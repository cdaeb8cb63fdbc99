import { CUSTOM_ID_PREFIX, type CustomIdPrefix } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { deferEphemeral } from '../replies.ts';
import { changeTicketTimerAs } from '../tickets/actions.ts';
import { resolveTicket } from '../tickets/resolve-ticket.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

function timerButton(prefix: CustomIdPrefix, change: 'pause' | 'resume'): ButtonHandler {
  return {
    prefix,
    async execute(interaction, id, context) {
      await deferEphemeral(interaction);
      const ticket = await resolveTicket(interaction, context, ticketNumberOf(id));
      await changeTicketTimerAs(interaction, ticket, change, context);
    },
  };
}

/** The thread's Pause timer and Resume timer buttons: each does what it says, whatever the timer is now. */
export const pauseTimerButton = timerButton(CUSTOM_ID_PREFIX.pauseTimer, 'pause');
export const resumeTimerButton = timerButton(CUSTOM_ID_PREFIX.resumeTimer, 'resume');
