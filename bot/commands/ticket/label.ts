import { labelSubcommandGroupData } from '../../../discord/ticket-command/metadata-subcommands.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { changeLabelsAs } from '../../tickets/metadata-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/** `/ticket label add|remove label: [ticket]` */
export const labelSubcommandGroup: TicketSubcommand = {
  data: labelSubcommandGroupData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) => {
      const label = interaction.options.getString('label', true);
      const adding = interaction.options.getSubcommand(true) === 'add';
      return changeLabelsAs(
        interaction,
        ticket,
        adding ? { add: [label], remove: [] } : { add: [], remove: [label] },
        context,
      );
    }),
};
