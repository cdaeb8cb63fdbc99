import { prioritySubcommandData } from '../../../discord/ticket-command/metadata-subcommands.ts';
import { isTicketPriority } from '../../../domain/ticket-metadata.ts';
import type { TicketSubcommand } from '../../interactions/handler-types.ts';
import { UserFacingError } from '../../replies.ts';
import { setPriorityAs, wordsFor } from '../../tickets/metadata-actions.ts';
import { actOnTargetTicket } from './ticket-target.ts';

/** `/ticket priority level: [ticket]` */
export const prioritySubcommand: TicketSubcommand = {
  data: prioritySubcommandData,
  execute: (interaction, context) =>
    actOnTargetTicket(interaction, context, (ticket) => {
      const level = interaction.options.getString('level', true);
      // Discord offers only the choices; an outdated client could still send another value.
      if (!isTicketPriority(level)) {
        throw new UserFacingError(
          wordsFor(interaction)('ticket-metadata.refusal.unknownPriority', { priority: level }),
        );
      }
      return setPriorityAs(interaction, ticket, level, context);
    }),
};
