import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { askTimerOffReason } from '../modals/disable-timer-reason-modal.ts';
import { answerFailure } from '../replies.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/** Turn timer off in the ticket's controls: asks staff for the reason first. */
export const disableTimerButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.disableTimer,
  async execute(interaction, id, context) {
    try {
      await askTimerOffReason(interaction, context, ticketNumberOf(id));
    } catch (error) {
      await answerFailure(interaction, error);
    }
  },
};
