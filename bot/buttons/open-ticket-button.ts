import { CUSTOM_ID_PREFIX } from '../../domain/custom-ids.ts';
import type { ButtonHandler } from '../interactions/handler-types.ts';
import { beginOpenTicket } from '../tickets/open-ticket-flow.ts';

/** The panel's Open-ticket button of a guild with one ticket type; its id is the type key. */
export const openTicketButton: ButtonHandler = {
  prefix: CUSTOM_ID_PREFIX.panelOpen,
  execute: (interaction, typeKey, context) => beginOpenTicket(interaction, typeKey, context),
};
