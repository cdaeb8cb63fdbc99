import { closeRequestSubcommandData } from '../../../discord/ticket-command/close-request-subcommand.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { requestCloseAs } from '../../tickets/close-request-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

const HOUR = 3_600_000;

/** `/ticket close-request [reason] [after]`: staff ask the member to confirm closing. */
export const closeRequestSubcommand: TicketSubcommand = {
  data: closeRequestSubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) => {
      const hours = interaction.options.getInteger('after');
      return requestCloseAs(
        interaction,
        ticket,
        interaction.options.getString('reason'),
        hours === null ? null : hours * HOUR,
        context,
      );
    }),
};
