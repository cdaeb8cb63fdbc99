import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { closeReasonModal } from '../modals/close-reason-modal.ts';
import { ticketNumberOf } from '../tickets/ticket-number-id.ts';

/** Close with reason on the close question: asks the reason in a modal (shown at once, no slow call first). */
export const closeWithReasonButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.closeWithReason,
  execute: (interaction, id) => interaction.showModal(closeReasonModal(ticketNumberOf(id))),
};
